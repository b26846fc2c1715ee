// How many netfilter rules one packet to one Service is compared with, as the number of
// Services grows: measured by compiling a cluster with that many Services and walking a
// packet to one of them in each kube-proxy mode. The Service is the one whose rule comes
// last in KUBE-SERVICES (the other Services sort before it), so iptables mode shows its
// worst case: a linear list. nftables looks the Service up in a verdict map and IPVS in a
// hash table, so their counts stay flat.
import { parseScenario } from '../model/parse';
import type { ProxyMode, Scenario, StoredManifest } from '../model/types';
import { compile } from '../cluster/compile';
import { simulate } from '../stack/simulate';
import { intToIp, ipToInt } from '../lib/ip';

export interface RuleWalkPoint {
  readonly mode: ProxyMode;
  readonly services: number;
  /** Rules the request was compared with, over every hook it crossed. */
  readonly rulesEvaluated: number;
  readonly verdict: string;
}

const BASE = (mode: ProxyMode, systemPods: boolean) => `apiVersion: kind.x-k8s.io/v1alpha4
kind: Cluster
nodes: [{role: control-plane}, {role: worker}]
networking: {kubeProxyMode: ${mode}}
---
apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec: {systemPods: ${systemPods}}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: kind-worker
  containers: [{name: client, image: curl}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  nodeName: kind-worker
  containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: zz-web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

function filler(i: number, endpoints: number): StoredManifest[] {
  const name = `svc-${String(i).padStart(5, '0')}`;
  const source = { doc: 0, line: 0 };
  const svc = {
    apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
    spec: { type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], externalIPs: [], sessionAffinity: 'None', loadBalancerSourceRanges: [] },
  };
  const addrs = Array.from({ length: endpoints }, (_, e) => intToIp(ipToInt('10.244.128.0') + i * endpoints + e));
  const slice = {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: `${name}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': name } },
    ports: [{ port: 8080, protocol: 'TCP' }], endpoints: addrs.map((ip) => ({ addresses: [ip], nodeName: 'kind-worker' })),
  };
  return [
    { kind: 'Service', apiVersion: 'v1', namespace: 'default', name, body: svc, source },
    { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', namespace: 'default', name: `${name}-abcde`, body: slice, source },
  ];
}

/** N Services (the one walked to, zz-web, plus N-1 others with `endpoints` endpoints each); with CoreDNS when `systemPods`. */
export function ruleWalkScenario(mode: ProxyMode, services: number, endpoints = 1, systemPods = false): Scenario {
  const p = parseScenario(BASE(mode, systemPods));
  if (!p.ok) throw new Error('the study scenario does not parse');
  const extra = Array.from({ length: Math.max(0, services - 1) }, (_, i) => filler(i + 1, endpoints));
  const svcs = extra.map((x) => x[0]!);
  const slices = extra.map((x) => x[1]!);
  return { ...p.scenario, services: [...svcs, ...p.scenario.services], endpointSlices: [...slices, ...p.scenario.endpointSlices] };
}

export function ruleWalk(mode: ProxyMode, services: number): RuleWalkPoint {
  const c = compile(ruleWalkScenario(mode, services));
  if (!c.ok) throw new Error(c.errors.map((e) => e.message).join('; '));
  const r = simulate(c.cluster, { from: 'default/client', to: 'svc:default/zz-web', port: 80 });
  if (!r.ok) throw new Error(r.error);
  // The request leg: the packet kube-proxy's rules meet on its way to the Service.
  const request = r.trace.exchanges[0]!.legs[0]!;
  return { mode, services, rulesEvaluated: request.rulesEvaluated, verdict: request.verdict };
}

export { RULE_WALK_SIZES } from './sizes';
