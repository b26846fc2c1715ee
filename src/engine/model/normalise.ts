// Turns validated documents into one Scenario: kind's defaults filled in, Deployments,
// DaemonSets and StatefulSets expanded into the pods their controllers would create, kind's
// own CoreDNS pods added, and the checks that span documents (validation/index.ts).
import type { Located } from './parse';
import type * as S from './schemas';
import type { NetworkPolicyDoc } from './netpol-schema';
import { checkNetworkPolicies, networkPolicyOf } from './netpol';
import { DEFAULT_OUTSIDE_HOSTS, KIND_DEFAULTS, SYSTEM_NAMESPACES, kindNodeNames } from './defaults';
import { COREDNS, expandDaemonSet, expandDeployment, expandStatefulSet, isReady, podFromSpec } from './workloads';
import { checkScenario, checkSizes } from './validation';
import { resolveCniConfig, type CniConfig, type IpPoolDoc } from './cni-config';
import { addonDocs, definedKey } from './addons';
import { gatewayInfra } from './gateway-infra';
import { adopt, observedNodes } from './observed';
import { routingObjects, type ParsedRouting } from './routing-objects';
import { DEFAULT_NODE_PORT_RANGE, parsePortRange } from './port-range';
import type {
  ClusterSpec, NamespaceSpec, ParseResult, PodSpec, Scenario, ScenarioError, Settings, StoredManifest,
} from './types';

export interface ParsedDocs extends ParsedRouting {
  readonly clusters: readonly Located<S.KindClusterDoc>[];
  readonly settings: readonly Located<S.SettingsDoc>[];
  /** Node documents: the nodes of an observed cluster (see observed.ts). */
  readonly nodes: readonly Located<S.NodeDoc>[];
  readonly namespaces: readonly Located<{ metadata: { name: string; labels?: Record<string, string> } }>[];
  readonly pods: readonly Located<S.PodDoc>[];
  readonly deployments: readonly Located<S.DeploymentDoc>[];
  readonly daemonSets: readonly Located<S.DaemonSetDoc>[];
  readonly statefulSets: readonly Located<S.StatefulSetDoc>[];
  readonly services: readonly Located<{ apiVersion: string; kind: string; metadata: { name: string; namespace?: string } }>[];
  readonly endpointSlices: readonly Located<{ apiVersion: string; kind: string; metadata: { name: string; namespace?: string } }>[];
  readonly networkPolicies: readonly Located<NetworkPolicyDoc>[];
  readonly other: readonly Located<Record<string, unknown>>[];
  /** Calico IPPools and flannel's ConfigMap: the CNI's own configuration. */
  readonly ipPools: readonly Located<IpPoolDoc>[];
  readonly flannelConfigMap?: Located<{ data?: Record<string, unknown> }>;
}

function clusterSpec(doc: Located<S.KindClusterDoc> | undefined, nodeDocs: readonly Located<S.NodeDoc>[]): ClusterSpec {
  const v = doc?.value;
  const name = v?.name ?? KIND_DEFAULTS.name;
  const nodes = v?.nodes ?? [{ role: 'control-plane' as const }];
  const names = kindNodeNames(name, nodes.map((n) => n.role));
  // Node documents (an observed cluster) are the nodes, instead of the kind config's list.
  const observed = nodeDocs.length > 0 ? observedNodes(nodeDocs) : null;
  return {
    name,
    nodes: observed?.nodes ?? nodes.map((n, i) => ({ name: names[i]!, role: n.role, labels: n.labels ?? {} })),
    podSubnet: v?.networking?.podSubnet ?? KIND_DEFAULTS.podSubnet,
    serviceSubnet: v?.networking?.serviceSubnet ?? KIND_DEFAULTS.serviceSubnet,
    nodeSubnet: observed?.nodeSubnet ?? KIND_DEFAULTS.nodeSubnet,
    kubeProxyMode: v?.networking?.kubeProxyMode ?? KIND_DEFAULTS.kubeProxyMode,
  };
}

function settingsOf(doc: Located<S.SettingsDoc> | undefined, cniConfig: CniConfig): Settings {
  const spec = doc?.value.spec;
  const line = doc?.line ?? (() => 0);
  const nodePortRange = parsePortRange(spec?.serviceNodePortRange ?? '');
  return {
    cni: cniConfig.name,
    cniConfig,
    ...(spec?.podMTU !== undefined ? { podMTU: spec.podMTU } : {}),
    seed: spec?.seed ?? 1,
    outsideHosts: spec?.outsideHosts ?? DEFAULT_OUTSIDE_HOSTS,
    routes: (spec?.routes ?? []).map((r, i) => ({ ...r, source: { doc: doc?.doc ?? 0, line: line(['spec', 'routes', i, 'route']), fields: doc?.fields } })),
    layout: spec?.layout ?? {},
    systemPods: spec?.systemPods ?? true,
    upstreamDNS: spec?.upstreamDNS ?? '8.8.8.8',
    egressMasquerade: spec?.egressMasquerade ?? true,
    ipvsScheduler: spec?.ipvsScheduler ?? 'rr',
    // An unreadable range is reported by checkScenario; the default stands in until then.
    serviceNodePortRange: nodePortRange.ok ? nodePortRange.range : DEFAULT_NODE_PORT_RANGE,
    addons: [...new Set(spec?.addons ?? [])],
  };
}

/** Every object the scenario's documents define, as addonDocs compares them. */
function definedKeys(parsed: ParsedDocs): Set<string> {
  const out = new Set<string>();
  const add = (kind: string, m: { name: string; namespace?: string } | undefined) => { if (m) out.add(definedKey(kind, m.namespace, m.name)); };
  for (const n of parsed.namespaces) add('Namespace', n.value.metadata);
  for (const d of parsed.deployments) add('Deployment', d.value.metadata);
  for (const d of parsed.services) add('Service', d.value.metadata);
  for (const d of parsed.ingressClasses) add('IngressClass', d.value.metadata);
  for (const o of parsed.other) {
    const v = o.value as { kind?: string; metadata?: { name?: string; namespace?: string } };
    if (v.kind && v.metadata?.name) add(v.kind, { name: v.metadata.name, ...(v.metadata.namespace ? { namespace: v.metadata.namespace } : {}) });
  }
  return out;
}

/** Whether Envoy Gateway's controller runs: the addon, or its image in one of the scenario's Deployments. */
function envoyGatewayRuns(parsed: ParsedDocs, settings: Settings): boolean {
  return settings.addons.includes('envoy-gateway')
    || parsed.deployments.some((d) => d.value.spec.template.spec.containers.some((c) => /(^|\/)envoyproxy\/gateway(:|@|$)/.test(c.image)));
}

function storedDoc(doc: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } }, source: StoredManifest['source']): StoredManifest {
  return { kind: doc.kind, apiVersion: doc.apiVersion, name: doc.metadata.name, namespace: doc.metadata.namespace ?? 'default', body: doc as Record<string, unknown>, source };
}

function stored(l: Located<{ apiVersion: string; kind: string; metadata: { name: string; namespace?: string } }>): StoredManifest {
  return {
    kind: l.value.kind, apiVersion: l.value.apiVersion, name: l.value.metadata.name,
    namespace: l.value.metadata.namespace ?? 'default', body: l.value as Record<string, unknown>,
    source: { doc: l.doc, line: l.line([]), fields: l.fields },
  };
}

export function normalise(parsed: ParsedDocs, warnings: ScenarioError[]): ParseResult {
  const cluster = clusterSpec(parsed.clusters[0], parsed.nodes);
  const cni = resolveCniConfig({ settings: parsed.settings[0], ipPools: parsed.ipPools, flannelConfigMap: parsed.flannelConfigMap }, cluster.podSubnet);
  if (!cni.ok) return { ok: false, errors: cni.errors };
  const settings = settingsOf(parsed.settings[0], cni.config);
  // Sizes first: nothing is expanded past the limits.
  const tooBig = checkSizes(parsed, settings.systemPods ? COREDNS.spec.replicas : 0);
  if (tooBig.length > 0) return { ok: false, errors: tooBig };
  const namespaces: NamespaceSpec[] = SYSTEM_NAMESPACES.map((name) => ({ name, labels: { 'kubernetes.io/metadata.name': name } }));
  const addons = addonDocs(settings.addons, definedKeys(parsed));
  for (const n of addons.namespaces) namespaces.push({ name: n.metadata.name, labels: { ...(n.metadata.labels ?? {}), 'kubernetes.io/metadata.name': n.metadata.name } });
  for (const n of parsed.namespaces) {
    const labels = { ...(n.value.metadata.labels ?? {}), 'kubernetes.io/metadata.name': n.value.metadata.name };
    const i = namespaces.findIndex((x) => x.name === n.value.metadata.name);
    if (i >= 0) namespaces[i] = { name: n.value.metadata.name, labels };
    else namespaces.push({ name: n.value.metadata.name, labels });
  }
  const pods: PodSpec[] = [];
  const taken = new Set<string>();
  if (settings.systemPods) pods.push(...expandDeployment(COREDNS, { doc: 0, line: 0 }, taken));
  for (const d of addons.deployments) pods.push(...expandDeployment(d, { doc: 0, line: 0 }, taken));
  const adoption = adopt(parsed);
  parsed.pods.forEach((p, i) => {
    const m = p.value.metadata;
    const observedIP = p.value.status?.podIP;
    pods.push(podFromSpec(
      { namespace: m.namespace ?? 'default', name: m.name, labels: m.labels ?? {}, annotations: m.annotations ?? {}, ready: isReady(m.annotations, p.value.status?.conditions) },
      p.value.spec, { doc: p.doc, line: p.line([]), fields: p.fields }, adoption.owners.get(i), observedIP ? { observedIP } : {},
    ));
    taken.add(`${m.namespace ?? 'default'}/${m.name}`);
  });
  const key = (m: { namespace?: string; name: string }) => `${m.namespace ?? 'default'}/${m.name}`;
  for (const d of parsed.deployments) {
    // A Deployment that adopted observed pods makes only the replicas it is short of.
    const short = Math.max(0, d.value.spec.replicas - (adoption.replicas.get(key(d.value.metadata)) ?? 0));
    pods.push(...expandDeployment({ ...d.value, spec: { ...d.value.spec, replicas: short } }, { doc: d.doc, line: d.line([]), fields: d.fields }, taken));
  }
  for (const d of parsed.daemonSets) {
    const running = adoption.daemonNodes.get(key(d.value.metadata));
    pods.push(...expandDaemonSet(d.value, cluster, { doc: d.doc, line: d.line([]), fields: d.fields }, taken).filter((p) => !p.nodeName || !running?.has(p.nodeName)));
  }
  for (const d of parsed.statefulSets) {
    pods.push(...expandStatefulSet(d.value, { doc: d.doc, line: d.line([]), fields: d.fields }, taken).filter((p) => !adoption.ordinals.has(`${p.namespace}/${p.name}`)));
  }
  const routingErrors: ScenarioError[] = [];
  const routing = routingObjects(parsed, addons.ingressClasses, routingErrors);
  // Envoy Gateway's infrastructure manager makes a proxy for each of its Gateways, right after the Gateway.
  const infra = gatewayInfra(routing, envoyGatewayRuns(parsed, settings));
  for (const d of infra.deployments) pods.push(...expandDeployment(d.doc, d.gateway.source, taken));
  const madeServices: StoredManifest[] = [
    ...addons.services.map((doc) => storedDoc(doc, { doc: 0, line: 0 })),
    ...infra.services.map((s) => storedDoc(s.doc, s.gateway.source)),
  ];
  // Objects are created in document order (kubectl apply -f), which decides addresses.
  pods.sort((a, b) => a.source.doc - b.source.doc);

  const scenario: Scenario = {
    cluster, settings, namespaces, pods,
    services: [...madeServices, ...parsed.services.map(stored)],
    endpointSlices: parsed.endpointSlices.map(stored),
    networkPolicies: parsed.networkPolicies.map((n) => networkPolicyOf(n.value, { doc: n.doc, line: n.line([]) })),
    routing,
    other: [
      ...addons.other.map((o) => storedDoc(o as { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } }, { doc: 0, line: 0 })),
      ...parsed.other.map((o) => {
        const v = o.value as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
        return {
          kind: v.kind ?? '', apiVersion: v.apiVersion ?? '', name: v.metadata?.name ?? '',
          namespace: v.metadata?.namespace ?? 'default', body: o.value, source: { doc: o.doc, line: o.line([]), fields: o.fields },
        };
      }),
    ],
    warnings,
  };
  const errors = checkScenario(scenario, parsed);
  errors.errors.push(...routingErrors);
  const netpol = checkNetworkPolicies(scenario.networkPolicies, new Set([...namespaces.map((n) => n.name), ...pods.map((p) => p.namespace)]));
  if (errors.errors.length + netpol.errors.length > 0) return { ok: false, errors: [...errors.errors, ...netpol.errors] };
  return { ok: true, scenario: { ...scenario, warnings: [...warnings, ...errors.warnings, ...netpol.warnings] } };
}
