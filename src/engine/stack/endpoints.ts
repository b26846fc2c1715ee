// Names a learner uses for the two ends of a send, resolved against the compiled cluster:
// a pod (POD or NAMESPACE/POD), a node (node:NAME), an outside host (external:IP), or a
// bare IP address as destination.
import { isIPv4 } from '../lib/ip';
import type { Cluster, Netns } from '../cluster/types';
import { nodeNetnsId } from '../cluster/netns';

export interface Source {
  readonly ns: Netns;
  /** The process that sends: a container name, or a process on a machine. */
  readonly owner: string;
  readonly label: string;
  readonly podKey?: string;
}

export interface Destination {
  readonly ip: string;
  readonly label: string;
}

export type Resolved<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function findPod(cluster: Cluster, ref: string) {
  if (ref.includes('/')) return cluster.pod(ref);
  return cluster.pod(`default/${ref}`) ?? (() => {
    const matches = cluster.pods.filter((p) => p.spec.name === ref);
    return matches.length === 1 ? matches[0] : undefined;
  })();
}

export function resolveSource(cluster: Cluster, from: string, container?: string): Resolved<Source> {
  if (from.startsWith('node:')) {
    const name = from.slice(5);
    if (!cluster.node(name)) return { ok: false, error: `no node named "${name}"; nodes: ${cluster.nodes.map((n) => n.name).join(', ')}` };
    return { ok: true, value: { ns: cluster.netns(nodeNetnsId(name)), owner: 'a process on the node (kubelet)', label: `node ${name}` } };
  }
  if (from.startsWith('external:')) {
    const ref = from.slice(9);
    const h = cluster.outsideHost(ref);
    if (!h) {
      return { ok: false, error: `${ref} is neither a declared outside host (${cluster.outside.map((x) => `${x.name} ${x.ip}`).join(', ') || 'none'}) nor a public internet address; private and special-purpose addresses are not on the internet` };
    }
    const label = h.virtual ? `internet host ${h.ip}` : `outside host ${h.name} (${h.ip})`;
    return { ok: true, value: { ns: cluster.netns(h.netns), owner: h.virtual ? 'a program' : h.name, label } };
  }
  const pod = findPod(cluster, from);
  if (!pod) {
    const pending = cluster.pending.find((p) => `${p.spec.namespace}/${p.spec.name}` === from || p.spec.name === from);
    if (pending) return { ok: false, error: `pod ${pending.spec.namespace}/${pending.spec.name} is Pending (${pending.reason}) and has no network yet` };
    return { ok: false, error: `no pod named "${from}" (use NAMESPACE/POD, node:NAME or external:IP)` };
  }
  const c = container === undefined ? pod.spec.containers[0] : pod.spec.containers.find((x) => x.name === container);
  if (!c) return { ok: false, error: `pod ${pod.key} has no container "${container}"; containers: ${pod.spec.containers.map((x) => x.name).join(', ')}` };
  return { ok: true, value: { ns: cluster.netns(pod.netns), owner: c.name, label: `pod ${pod.key}`, podKey: pod.key } };
}

/** A Service as a destination: its ClusterIP from inside the cluster; from outside, its load balancer or external IP. */
function serviceDestination(cluster: Cluster, ref: string, src: Source): Resolved<Destination> {
  const key = ref.includes('/') ? ref : `default/${ref}`;
  const svc = cluster.service(key);
  if (!svc) return { ok: false, error: `no Service named "${key}"; Services: ${cluster.services.map((s) => s.key).join(', ')}` };
  if (svc.type === 'ExternalName') return { ok: false, error: `${key} is an ExternalName Service: only DNS answers for it (a CNAME to ${svc.externalName})` };
  if (src.ns.kind === 'outside' || src.ns.kind === 'router') {
    if (svc.loadBalancerIP) return { ok: true, value: { ip: svc.loadBalancerIP, label: `load balancer of Service ${key} (${svc.loadBalancerIP})` } };
    if (svc.externalIPs[0]) return { ok: true, value: { ip: svc.externalIPs[0], label: `external IP of Service ${key} (${svc.externalIPs[0]})` } };
    const np = svc.ports.find((p) => p.nodePort > 0);
    return { ok: false, error: `${key} has no address outside the cluster${np ? `; send to a node's NodePort: --to node:${cluster.nodes[cluster.nodes.length - 1]!.name} --port ${np.nodePort}` : ''}` };
  }
  if (svc.clusterIP === null) return { ok: false, error: `${key} is headless (clusterIP: None): there is no Service address; DNS returns the pods' own addresses, so send to a pod` };
  return { ok: true, value: { ip: svc.clusterIP, label: `Service ${key} (${svc.clusterIP})` } };
}

/** A Service's cloud load balancer: its external address, whoever sends (kube-proxy catches it on a node). */
function loadBalancerDestination(cluster: Cluster, ref: string): Resolved<Destination> {
  const key = ref.includes('/') ? ref : `default/${ref}`;
  const svc = cluster.service(key);
  if (!svc?.loadBalancerIP) return { ok: false, error: `no LoadBalancer Service named "${key}"` };
  return { ok: true, value: { ip: svc.loadBalancerIP, label: `load balancer of Service ${key} (${svc.loadBalancerIP})` } };
}

export function resolveDestination(cluster: Cluster, to: string, src: Source): Resolved<Destination> {
  if (to.startsWith('node:')) {
    const n = cluster.node(to.slice(5));
    if (!n) return { ok: false, error: `no node named "${to.slice(5)}"` };
    return { ok: true, value: { ip: n.ip, label: `node ${n.name}` } };
  }
  if (to.startsWith('external:')) {
    const ref = to.slice(9);
    const h = cluster.outside.find((x) => x.ip === ref || x.name === ref);
    if (h) return { ok: true, value: { ip: h.ip, label: `outside host ${h.name} (${h.ip})` } };
    if (isIPv4(ref)) return { ok: true, value: { ip: ref, label: cluster.outsideHost(ref) ? `internet host ${ref}` : ref } };
    return { ok: false, error: `no outside host "${ref}"` };
  }
  if (to.startsWith('svc:')) return serviceDestination(cluster, to.slice(4), src);
  if (to.startsWith('lb:')) return loadBalancerDestination(cluster, to.slice(3));
  if (isIPv4(to)) return { ok: true, value: { ip: to, label: to } };
  const pod = findPod(cluster, to);
  if (!pod) return { ok: false, error: `no pod named "${to}" (use NAMESPACE/POD, node:NAME, external:IP or an address)` };
  if (pod.key === src.podKey) return { ok: true, value: { ip: '127.0.0.1', label: `localhost in pod ${pod.key}` } };
  return { ok: true, value: { ip: pod.ip, label: `pod ${pod.key}` } };
}
