// What the inspector form shows of an object: its editable fields read from the scenario's
// own document (for a controller's pod, from the controller's template), so the form edits
// exactly what the YAML says, not what compile() derived from it.
import { parseScenario } from '../parse';
import { kindNodeNames } from '../defaults';
import { readLabels, ScenarioDocs } from './docs';
import { podHome } from './owner';
import { refText, type ContainerPortInit, type Labels, type ObjectRef, type ServicePortInit, type ServiceType } from './types';

export interface ContainerView {
  readonly name: string;
  readonly image: string;
  readonly ports: readonly ContainerPortInit[];
}

export type ObjectView =
  | {
    readonly kind: 'Pod'; readonly ref: ObjectRef; readonly labels: Labels; readonly nodeName: string | null;
    /** The workload whose template the pod comes from, and its replica count (Deployments, StatefulSets). */
    readonly owner?: ObjectRef; readonly replicas?: number;
    readonly containers: readonly ContainerView[];
    /** The nodes a pod can be pinned to. */
    readonly nodes: readonly string[];
  }
  | {
    readonly kind: 'Service'; readonly ref: ObjectRef; readonly labels: Labels; readonly type: ServiceType | 'ExternalName';
    readonly selector: Labels | null; readonly ports: readonly ServicePortInit[];
    readonly externalTrafficPolicy: 'Cluster' | 'Local' | null; readonly internalTrafficPolicy: 'Cluster' | 'Local' | null;
  }
  | { readonly kind: 'Node'; readonly ref: ObjectRef; readonly labels: Labels; readonly role: 'control-plane' | 'worker'; readonly renamable: boolean };

export type Inspected = { readonly ok: true; readonly view: ObjectView } | { readonly ok: false; readonly error: string };

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const policy = (v: unknown) => (v === 'Cluster' || v === 'Local' ? v : null);

export function inspectObject(text: string, ref: ObjectRef): Inspected {
  const docs = ScenarioDocs.parse(text);
  if (typeof docs === 'string') return { ok: false, error: docs };
  const parsed = parseScenario(text);
  if (!parsed.ok) return { ok: false, error: 'the scenario does not parse; fix it in the Scenario tab first' };
  const nodes = parsed.scenario.cluster.nodes;
  switch (ref.kind) {
    case 'Node': {
      const node = nodes.find((n) => n.name === ref.name);
      if (!node) return { ok: false, error: `there is no node ${ref.name}` };
      return { ok: true, view: { kind: 'Node', ref, labels: node.labels, role: node.role, renamable: docs.find(ref) !== undefined } };
    }
    case 'Service': {
      const doc = docs.find(ref);
      if (!doc) return { ok: false, error: `${refText(ref)} is the cluster's own Service, shown and not edited` };
      const spec = (doc.toJS() as Json).spec as Json | undefined ?? {};
      const type = (['NodePort', 'LoadBalancer', 'ExternalName'].includes(spec.type as string) ? spec.type : 'ClusterIP') as ServiceType | 'ExternalName';
      const ports = arr(spec.ports).map((p): ServicePortInit => ({
        ...(typeof p.name === 'string' ? { name: p.name } : {}), port: Number(p.port),
        ...(p.targetPort !== undefined ? { targetPort: p.targetPort as number | string } : {}),
        ...(p.protocol === 'UDP' || p.protocol === 'SCTP' ? { protocol: p.protocol } : {}),
        ...(typeof p.nodePort === 'number' ? { nodePort: p.nodePort } : {}),
      }));
      return {
        ok: true, view: {
          kind: 'Service', ref, labels: readLabels(doc, ['metadata', 'labels']), type, ports,
          selector: doc.hasIn(['spec', 'selector']) ? readLabels(doc, ['spec', 'selector']) : null,
          externalTrafficPolicy: policy(spec.externalTrafficPolicy), internalTrafficPolicy: policy(spec.internalTrafficPolicy),
        },
      };
    }
    case 'Pod': case 'Deployment': case 'StatefulSet': case 'DaemonSet': {
      const home = podHome(docs, text, ref);
      if (typeof home === 'string') return { ok: false, error: home };
      const spec = home.spec.reduce<Json>((o, k) => (o[k] as Json | undefined) ?? {}, home.doc.toJS() as Json);
      const containers = arr(spec.containers).map((c): ContainerView => ({
        name: String(c.name ?? ''), image: String(c.image ?? ''),
        ports: arr(c.ports).map((p) => ({ containerPort: Number(p.containerPort), ...(typeof p.name === 'string' ? { name: p.name } : {}), ...(p.protocol === 'UDP' || p.protocol === 'SCTP' ? { protocol: p.protocol } : {}) })),
      }));
      const replicas = home.ref.kind === 'Deployment' || home.ref.kind === 'StatefulSet' ? Number(home.doc.getIn(['spec', 'replicas']) ?? 1) : undefined;
      return {
        ok: true, view: {
          kind: 'Pod', ref, labels: readLabels(home.doc, [...home.meta, 'labels']), nodeName: typeof spec.nodeName === 'string' ? spec.nodeName : null,
          ...(home.template ? { owner: home.ref } : {}), ...(replicas !== undefined ? { replicas } : {}),
          containers, nodes: nodes.length > 0 ? nodes.map((n) => n.name) : kindNodeNames('kind', ['control-plane']),
        },
      };
    }
    default:
      return { ok: false, error: `the inspector does not edit ${ref.kind} objects yet; edit them in the Scenario tab` };
  }
}
