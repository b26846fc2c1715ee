// Keeps of each object what podpath models and reads back, in the field order of a
// hand-written manifest: names, labels, the owner that made it, the pod spec's containers and
// ports, the node, the addresses a real cluster gave (status.podIP, spec.clusterIP, the load
// balancer's status), selectors, ports and traffic policies. The rest (managedFields, uid,
// resourceVersion, volumes, probes, resources, container statuses ...) is left out, as the
// report says.
import type { Obj } from './types';

const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Obj : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const some = <T extends Obj>(o: T): T | undefined => (Object.keys(o).length > 0 ? o : undefined);
/** A copy without undefined fields. */
const compact = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The tolerations every pod gets from the API server's DefaultTolerationSeconds admission: not worth writing. */
const DEFAULT_TOLERATION = (t: Obj) => t.effect === 'NoExecute' && (t.key === 'node.kubernetes.io/not-ready' || t.key === 'node.kubernetes.io/unreachable') && t.tolerationSeconds === 300;

export function cleanMeta(m: Obj, namespaced = true): Obj {
  const labels = some(obj(m.labels));
  const owner = arr(m.ownerReferences).find((o) => o.controller === true);
  const ready = str(obj(m.annotations)['podpath.dev/ready']);
  return compact({
    name: m.name, ...(namespaced ? { namespace: str(m.namespace) ?? 'default' } : {}), labels,
    ...(ready ? { annotations: { 'podpath.dev/ready': ready } } : {}),
    ...(owner ? { ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, controller: true }] } : {}),
  });
}

function cleanPorts(ports: unknown): Obj[] | undefined {
  const out = arr(ports).map((p) => compact({ containerPort: p.containerPort, name: str(p.name), protocol: p.protocol && p.protocol !== 'TCP' ? p.protocol : undefined }));
  return out.length > 0 ? out : undefined;
}

export function cleanPodSpec(spec: Obj, keepNode: boolean): Obj {
  const tolerations = arr(spec.tolerations).filter((t) => !DEFAULT_TOLERATION(t)).map((t) => compact({ key: str(t.key), operator: t.operator, value: str(t.value), effect: str(t.effect) }));
  return compact({
    ...(keepNode ? { nodeName: str(spec.nodeName) } : {}),
    hostNetwork: spec.hostNetwork === true ? true : undefined,
    dnsPolicy: spec.dnsPolicy && spec.dnsPolicy !== 'ClusterFirst' && !(spec.hostNetwork === true && spec.dnsPolicy === 'ClusterFirstWithHostNet') ? spec.dnsPolicy : undefined,
    hostname: str(spec.hostname), subdomain: str(spec.subdomain),
    nodeSelector: some(obj(spec.nodeSelector)),
    tolerations: tolerations.length > 0 ? tolerations : undefined,
    containers: arr(spec.containers).map((c) => compact({ name: c.name, image: str(c.image), ports: cleanPorts(c.ports) })),
  });
}

export function cleanPod(p: Obj): Obj {
  const status = obj(p.status);
  const spec = obj(p.spec);
  const ready = arr(status.conditions).find((c) => c.type === 'Ready');
  const podIP = spec.hostNetwork === true ? undefined : str(status.podIP);
  return compact({
    apiVersion: 'v1', kind: 'Pod', metadata: cleanMeta(obj(p.metadata)), spec: cleanPodSpec(spec, true),
    status: some(compact({ podIP, conditions: ready && ready.status !== 'True' ? [{ type: 'Ready', status: ready.status }] : undefined })),
  });
}

export function cleanWorkload(w: Obj): Obj {
  const spec = obj(w.spec);
  const template = obj(spec.template);
  return {
    apiVersion: 'apps/v1', kind: w.kind, metadata: cleanMeta(obj(w.metadata)),
    spec: compact({
      replicas: w.kind === 'DaemonSet' ? undefined : spec.replicas ?? 1,
      serviceName: w.kind === 'StatefulSet' ? str(spec.serviceName) : undefined,
      selector: some(compact({ matchLabels: some(obj(obj(spec.selector).matchLabels)) })),
      template: { metadata: compact({ labels: some(obj(obj(template.metadata).labels)) }), spec: cleanPodSpec(obj(template.spec), false) },
    }),
  };
}

export function cleanService(s: Obj): Obj {
  const spec = obj(s.spec);
  const type = str(spec.type) ?? 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  const ingress = arr(obj(obj(s.status).loadBalancer).ingress).filter((i) => str(i.ip)).map((i) => ({ ip: i.ip }));
  return compact({
    apiVersion: 'v1', kind: 'Service', metadata: cleanMeta(obj(s.metadata)),
    spec: compact({
      type: type === 'ClusterIP' ? undefined : type,
      clusterIP: str(spec.clusterIP),
      selector: some(obj(spec.selector)),
      ports: arr(spec.ports).map((p) => compact({ name: str(p.name), protocol: p.protocol && p.protocol !== 'TCP' ? p.protocol : undefined, port: p.port, targetPort: p.targetPort, nodePort: external ? p.nodePort : undefined })),
      externalIPs: arr(spec.externalIPs).length > 0 ? spec.externalIPs : undefined,
      externalName: str(spec.externalName),
      externalTrafficPolicy: external && spec.externalTrafficPolicy === 'Local' ? 'Local' : undefined,
      internalTrafficPolicy: spec.internalTrafficPolicy === 'Local' ? 'Local' : undefined,
      sessionAffinity: spec.sessionAffinity === 'ClientIP' ? 'ClientIP' : undefined,
      healthCheckNodePort: type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' ? spec.healthCheckNodePort : undefined,
      loadBalancerSourceRanges: arr(spec.loadBalancerSourceRanges).length > 0 ? spec.loadBalancerSourceRanges : undefined,
    }),
    status: ingress.length > 0 ? { loadBalancer: { ingress } } : undefined,
  });
}

/** Ingress, NetworkPolicy, EndpointSlice: kept as given, without what the server added. */
export function cleanAsGiven(o: Obj): Obj {
  const { metadata, status: _status, ...rest } = o;
  return { ...rest, metadata: cleanMeta(obj(metadata)) };
}

export function cleanNode(n: Obj): Obj {
  const spec = obj(n.spec);
  const m = obj(n.metadata);
  const addresses = arr(obj(n.status).addresses).filter((a) => a.type === 'InternalIP').map((a) => ({ type: 'InternalIP', address: a.address }));
  const taints = arr(spec.taints).map((t) => compact({ key: t.key, value: str(t.value), effect: t.effect }));
  return {
    apiVersion: 'v1', kind: 'Node', metadata: compact({ name: m.name, labels: some(obj(m.labels)) }),
    spec: compact({ podCIDR: str(spec.podCIDR) ?? (Array.isArray(spec.podCIDRs) ? str(spec.podCIDRs[0]) : undefined), taints: taints.length > 0 ? taints : undefined }),
    status: { addresses },
  };
}

export { obj, arr, str };
