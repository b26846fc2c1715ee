// Prints a generated scenario as the multi-document YAML a user would write: the kind
// Cluster, the Podpath settings, Namespaces, Pods, Deployments, Services, EndpointSlices.
// Flow style keeps a case short enough to read in a failure report.
import { kindNodeNames } from '../../model/defaults';
import type { FuzzContainer, FuzzScenario, FuzzService } from './model';

const json = (v: unknown) => JSON.stringify(v);

export function nodeNamesOf(s: FuzzScenario): string[] {
  const roles = [...Array(s.cluster.controlPlanes).fill('control-plane'), ...Array(s.cluster.workers).fill('worker')] as ('control-plane' | 'worker')[];
  return kindNodeNames('kind', roles);
}

/** Node addresses as kind hands them out: 172.18.0.2 onwards, in node order. */
export const nodeIpOf = (i: number) => `172.18.0.${i + 2}`;

const containers = (cs: readonly FuzzContainer[]) => json(cs.map((c) => ({
  name: c.name, image: `example/${c.name}`,
  ports: c.ports.map((p) => ({ containerPort: p.port, protocol: p.protocol, ...(p.name ? { name: p.name } : {}) })),
})));

function service(s: FuzzService, nodes: number): string {
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer';
  const ips = s.type === 'ExternalName' || s.type === 'Headless' ? [] : [...new Set(s.externalIPNodes.map((i) => nodeIpOf(i % nodes)))];
  const spec: Record<string, unknown> = {
    type: s.type === 'Headless' ? 'ClusterIP' : s.type,
    ...(s.type === 'Headless' ? { clusterIP: 'None' } : {}),
    ...(s.type === 'ExternalName' ? { externalName: 'example.org' } : {}),
    ...(s.selector ? { selector: s.selector } : {}),
    ports: s.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol, ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}) })),
    ...(s.externalTrafficPolicy && (external || ips.length > 0) ? { externalTrafficPolicy: s.externalTrafficPolicy } : {}),
    ...(s.internalTrafficPolicy ? { internalTrafficPolicy: s.internalTrafficPolicy } : {}),
    ...(s.affinitySeconds !== undefined ? { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: s.affinitySeconds } } } : {}),
    ...(s.type === 'LoadBalancer' && s.sourceRanges.length > 0 ? { loadBalancerSourceRanges: s.sourceRanges } : {}),
    ...(ips.length > 0 ? { externalIPs: ips } : {}),
  };
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${s.name}, namespace: ${s.namespace}}\nspec: ${json(spec)}\n`;
}

/** The case's YAML; `podIp(i)` resolves EndpointSlice addresses that point at the i-th pod. */
export function renderScenario(s: FuzzScenario, podIp: (i: number) => string | undefined = () => undefined): string {
  const names = nodeNamesOf(s);
  const n = names.length;
  const docs: string[] = [];
  const roles = [...Array(s.cluster.controlPlanes).fill('{role: control-plane}'), ...Array(s.cluster.workers).fill('{role: worker}')];
  docs.push(`apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [${roles.join(', ')}]\nnetworking: {kubeProxyMode: ${s.cluster.mode}, podSubnet: ${s.cluster.podSubnet}, serviceSubnet: ${s.cluster.serviceSubnet}}\n`);
  const routes = s.settings.routes.map((r) => {
    const node = names[r.node % n]!;
    if (r.op === 'add') return { node, op: 'add', route: r.route };
    // Another node's pod range: the route host-gw wrote towards that node.
    const other = n > 1 ? (r.node % n + 1 + (r.podRangeOfNode % (n - 1))) % n : 0;
    const base = s.cluster.podSubnet.split('/')[0]!.split('.').map(Number);
    const third = base[2]! + other;
    return { node, op: 'del', route: `${base[0]}.${base[1]! + (third >> 8)}.${third & 255}.0/24` };
  });
  docs.push(`apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: ${json({
    seed: s.settings.seed, ipvsScheduler: s.settings.ipvsScheduler, egressMasquerade: s.settings.egressMasquerade, systemPods: s.settings.systemPods,
    outsideHosts: s.settings.outsideHosts.map((h) => ({ name: h.name, ip: h.ip, ports: h.ports })), routes,
    ...(s.settings.cni !== undefined ? { cni: s.settings.cni } : {}),
  })}\n`);
  for (const ns of s.namespaces) docs.push(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`);
  for (const p of s.pods) {
    const meta = { name: p.name, namespace: p.namespace, labels: p.labels, ...(p.ready ? {} : { annotations: { 'podpath.dev/ready': 'false' } }) };
    const spec = `{${p.node !== undefined ? `nodeName: ${names[p.node % n]}, ` : ''}${p.hostNetwork ? 'hostNetwork: true, ' : ''}containers: ${containers(p.containers)}}`;
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata: ${json(meta)}\nspec: ${spec}\n`);
  }
  for (const d of s.deployments) {
    const tmeta = { labels: d.labels, ...(d.ready ? {} : { annotations: { 'podpath.dev/ready': 'false' } }) };
    docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${d.name}, namespace: ${d.namespace}}\nspec: {replicas: ${d.replicas}, selector: {matchLabels: ${json(d.labels)}}, template: {metadata: ${json(tmeta)}, spec: {containers: ${containers(d.containers)}}}}\n`);
  }
  for (const sv of s.services) docs.push(service(sv, n));
  for (const e of s.endpointSlices) {
    const endpoints = e.endpoints.flatMap((x) => {
      const ip = x.ip.startsWith('pod:') ? podIp(Number(x.ip.slice(4))) : x.ip;
      return ip ? [{ addresses: [ip], conditions: { ready: x.ready } }] : [];
    });
    docs.push(`apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ${e.name}, namespace: ${e.namespace}, labels: {kubernetes.io/service-name: ${e.service}}}\naddressType: IPv4\nports: ${json(e.ports)}\nendpoints: ${json(endpoints)}\n`);
  }
  return docs.join('---\n');
}
