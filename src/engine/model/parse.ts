// Reads a scenario: multi-document Kubernetes YAML in, a validated Scenario out, or a list
// of errors that each name the document, the object, the field and the line. Nothing is
// half applied: any error means no scenario.
import type { z } from 'zod';
import * as S from './schemas';
import { networkPolicy } from './netpol-schema';
import * as R from './schemas-routing';
import { formatPath, lineAt, type FieldLines, type FieldPath } from './locate';
import { normalise, type ParsedDocs } from './normalise';
import { ipPool, isFlannelConfigMap } from './cni-config';
import { readYaml } from './validation/yaml';
import { hasFieldTree, unknownFields } from './validation/fields';
import type { ParseResult, ScenarioError } from './types';

export interface DocCtx {
  readonly index: number;
  readonly fields: FieldLines;
  /** The document's first line. */
  readonly first: number;
  readonly object?: string;
}

export interface Located<T> {
  readonly value: T;
  readonly doc: number;
  readonly line: (path: FieldPath) => number;
  /** Every field's line, to hand on with what is made of the document. */
  readonly fields: FieldLines;
}

function describe(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  if (typeof v.kind !== 'string') return undefined;
  const name = typeof v.metadata?.name === 'string' ? v.metadata.name : undefined;
  if (name === undefined) return v.kind;
  const ns = typeof v.metadata?.namespace === 'string' ? v.metadata.namespace : undefined;
  const namespaced = !['Namespace', 'Cluster', 'Podpath', 'IngressClass', 'GatewayClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition'].includes(v.kind);
  return `${v.kind} ${namespaced ? `${ns ?? 'default'}/` : ''}${name}`;
}

export function zodErrors(ctx: DocCtx, error: z.ZodError): ScenarioError[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // An unknown key is reported on its parent; point at the key itself.
    const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...base, issue.keys[0]] : base;
    // A bad key of a record (a label key) carries the key's own problems inside.
    const messages = issue.code === 'invalid_key' && issue.issues.length > 0 ? issue.issues.map((i) => i.message) : [issue.message];
    return messages.map((message) => ({
      doc: ctx.index,
      object: ctx.object,
      field: formatPath(path) || undefined,
      line: lineAt(ctx.fields, path, ctx.first),
      message,
    }));
  });
}

const NOT_MODELLED = new Set([
  'ConfigMap', 'Secret', 'ServiceAccount', 'ReplicaSet', 'Job', 'CronJob',
  // What a controller's manifest brings besides its workloads (ingress-nginx's deploy.yaml, Envoy Gateway's install.yaml).
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'CustomResourceDefinition', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'PriorityClass',
  // Gateway API kinds podpath keeps but does not route.
  'ReferenceGrant', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute', 'BackendTLSPolicy', 'EnvoyProxy',
]);

export function parseScenario(text: string): ParseResult {
  const yaml = readYaml(text);
  const errors: ScenarioError[] = [...yaml.errors];
  const warnings: ScenarioError[] = [];
  const parsed: { -readonly [K in keyof ParsedDocs]: ParsedDocs[K] extends readonly (infer U)[] ? U[] : ParsedDocs[K] } = {
    clusters: [], settings: [], nodes: [], namespaces: [], pods: [], deployments: [], daemonSets: [], statefulSets: [], services: [], endpointSlices: [], networkPolicies: [], other: [], ipPools: [],
    ingresses: [], ingressClasses: [], gatewayClasses: [], gateways: [], httpRoutes: [],
  };

  for (const doc of yaml.docs) {
    const { index, value, fields } = doc;
    if (value === null || value === undefined) continue; // an empty document
    const ctx: DocCtx = { index, fields, first: doc.line, object: describe(value) };
    if (typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ doc: index, line: doc.line, message: 'a document must be a mapping with apiVersion and kind' });
      continue;
    }
    const kind = (value as { kind?: unknown }).kind;
    const line = (path: FieldPath) => lineAt(fields, path, doc.line);
    if (typeof kind === 'string' && hasFieldTree(kind, (value as { apiVersion?: unknown }).apiVersion)) {
      for (const u of unknownFields(kind, value)) errors.push({ doc: index, object: ctx.object, field: formatPath(u.path), line: line(u.path), message: u.message });
    }
    const take = <T extends z.ZodType>(schema: T, into: { push(item: Located<z.infer<T>>): number }) => {
      const r = schema.safeParse(value);
      if (r.success) into.push({ value: r.data, doc: index, line, fields });
      else errors.push(...zodErrors(ctx, r.error));
    };
    switch (kind) {
      case 'Cluster': take(S.kindCluster, parsed.clusters); break;
      case 'Podpath': take(S.settings, parsed.settings); break;
      case 'Namespace': take(S.namespace, parsed.namespaces); break;
      case 'Node': take(S.node, parsed.nodes); break;
      case 'Pod': take(S.pod, parsed.pods); break;
      case 'Deployment': take(S.deployment, parsed.deployments); break;
      case 'DaemonSet': take(S.daemonSet, parsed.daemonSets); break;
      case 'StatefulSet': take(S.statefulSet, parsed.statefulSets); break;
      case 'Service': take(S.service, parsed.services); break;
      case 'EndpointSlice': take(S.endpointSlice, parsed.endpointSlices); break;
      case 'NetworkPolicy': take(networkPolicy, parsed.networkPolicies); break;
      case 'IPPool': take(ipPool, parsed.ipPools); break;
      case 'ConfigMap':
        parsed.other.push({ value: value as Record<string, unknown>, doc: index, line, fields });
        if (isFlannelConfigMap(value as { metadata?: { name?: unknown; namespace?: unknown } })) parsed.flannelConfigMap ??= { value: value as { data?: Record<string, unknown> }, doc: index, line, fields };
        else warnings.push({ doc: index, object: ctx.object, line: line([]), message: 'ConfigMap is kept as given but not modelled yet' });
        break;
      case 'Ingress': take(R.ingress, parsed.ingresses); break;
      case 'IngressClass': take(R.ingressClass, parsed.ingressClasses); break;
      case 'GatewayClass': take(R.gatewayClass, parsed.gatewayClasses); break;
      case 'Gateway': take(R.gateway, parsed.gateways); break;
      case 'HTTPRoute': take(R.httpRoute, parsed.httpRoutes); break;
      default:
        if (typeof kind !== 'string') {
          errors.push({ doc: index, field: 'kind', line: line(['kind']), message: 'every document needs a kind (Cluster, Podpath, Namespace, Pod, Deployment, Service, ...)' });
        } else if (NOT_MODELLED.has(kind)) {
          parsed.other.push({ value: value as Record<string, unknown>, doc: index, line, fields });
          warnings.push({ doc: index, object: ctx.object, line: line([]), message: `${kind} is kept as given but not modelled yet` });
        } else {
          errors.push({ doc: index, object: ctx.object, field: 'kind', line: line(['kind']), message: `unknown kind "${kind}"` });
        }
    }
  }
  for (const [what, list] of [['kind Cluster', parsed.clusters], ['Podpath settings', parsed.settings]] as const) {
    for (const extra of list.slice(1)) {
      errors.push({ doc: extra.doc, line: extra.line([]), message: `only one ${what} document is allowed` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return normalise(parsed, warnings);
}
