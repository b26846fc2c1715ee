// Cilium's eBPF datapath, program by program (bpf/bpf_lxc.c, bpf_host.c, bpf_overlay.c):
// cil_from_container on a pod's lxc veth (tc ingress: what the pod sends), cil_from_netdev and
// cil_to_netdev on the node's eth0, cil_from_overlay and cil_to_overlay on cilium_vxlan,
// cil_from_host on cilium_host. They look destinations up in the ipcache (a local endpoint, a
// remote node's pods behind a tunnel endpoint, the host, the world), deliver to a local
// endpoint by redirecting into its veth (the TTL lowered, the MACs rewritten, as ipv4_l3
// does), send to a remote node by setting the tunnel key and redirecting to cilium_vxlan,
// load-balance NodePorts from outside (DNAT, and SNAT when the backend is on another node),
// masquerade what leaves for the world, and translate answers back from their own NAT table.
// Packets they redirect skip the host's routing and netfilter, as with BPF host routing.
import { cidrContains, ipToInt } from '../../lib/ip';
import { ciliumIdentity } from '../../policy/cilium/tables';
import type { Cluster, ClusterNode, ClusterPod, Device, Netns } from '../../cluster/types';
import { nodeNetnsId } from '../../cluster/netns-base';
import type { BpfDatapath, BpfVerdict, TcDirection } from '../bpf-types';
import { device, fibLookup, isLocalAddress } from '../../stack/fib';
import { viewOf, type Pkt } from '../../stack/packet';
import { drop, record, recording, where, type Outcome, type Walk } from '../../stack/walk';
import { podBehind, policyCheck, type PolicyDirection } from '../../stack/policy-seam';
import { spendTime } from '../../stack/latency';
import { tupleOf } from '../../stack/conntrack';
import { findFrontend, lbState, type Frontend, type LbState } from './lb';
import { bpfFwdNat, bpfNatStore, bpfRevNat } from './nat';

export const CILIUM_VXLAN = 'cilium_vxlan';

/** The source a pod load-balanced to itself is given (the agent's --ipv4-service-loopback-address, IPV4_LOOPBACK). */
const SERVICE_LOOPBACK = '169.254.42.1';

/** Reserved security identities (pkg/identity): host 1, world 2, remote-node 6. */
const ID_HOST = 1;
const ID_WORLD = 2;

/** A pod's security identity: a number the agent allocates per set of security labels (src/engine/policy/cilium/identity.ts). */
export function identityOf(cluster: Cluster, pod: ClusterPod): number {
  return ciliumIdentity(cluster, pod.key) ?? ID_HOST;
}

type Where =
  | { readonly kind: 'local'; readonly pod: ClusterPod }
  | { readonly kind: 'remote'; readonly node: ClusterNode }
  | { readonly kind: 'host' }
  | { readonly kind: 'world' };

function ipcache(cluster: Cluster, self: ClusterNode, ip: string): Where {
  const n = ipToInt(ip);
  const owner = cluster.nodes.find((x) => x.podRanges.some((r) => cidrContains(r, n)));
  if (owner) {
    if (owner.name !== self.name) return { kind: 'remote', node: owner };
    const pod = cluster.pods.find((p) => p.ip === ip && p.slot >= 0 && p.node === self.name);
    return pod ? { kind: 'local', pod } : { kind: 'host' };
  }
  const node = cluster.nodes.find((x) => x.ip === ip);
  if (node) return node.name === self.name ? { kind: 'host' } : { kind: 'remote', node };
  return { kind: 'world' };
}

function ipcacheLine(cluster: Cluster, _self: ClusterNode, ip: string, w: Where): string {
  switch (w.kind) {
    case 'local': return `${ip}/32 identity=${identityOf(cluster, w.pod)} encryptkey=0 tunnelendpoint=0.0.0.0`;
    case 'remote': {
      const pod = cluster.pods.find((p) => p.ip === ip);
      return `${ip}/32 identity=${pod ? identityOf(cluster, pod) : 6} encryptkey=0 tunnelendpoint=${w.node.ip}`;
    }
    case 'host': return `${ip}/32 identity=${ID_HOST} encryptkey=0 tunnelendpoint=0.0.0.0`;
    case 'world': return `0.0.0.0/0 identity=${ID_WORLD} encryptkey=0 tunnelendpoint=0.0.0.0`;
  }
}

export interface CiliumOptions {
  readonly tunnel: boolean;
  readonly masquerade: boolean;
  readonly kubeProxyReplacement: boolean;
}

function nodeOf(cluster: Cluster, ns: Netns): ClusterNode {
  return cluster.node(ns.machine)!;
}

function lxcOf(cluster: Cluster, pod: ClusterPod): { ns: Netns; dev: Device } {
  const ns = cluster.netns(nodeNetnsId(pod.node));
  const podNs = cluster.netns(pod.netns);
  const eth0 = device(podNs, 'eth0')!;
  return { ns, dev: device(ns, eth0.peer!.device)! };
}

function bpfHop(w: Walk, ns: Netns, dev: Device, prog: string, dir: TcDirection, text: string, pkt: Pkt, o: { before?: ReturnType<typeof viewOf>; rule?: string; table?: string } = {}) {
  spendTime(w, 'bpf');
  record(w, ns, dev.name, 'bpf', `${prog} (tc ${dir} on ${dev.name}): ${text}`, pkt, { table: 'bpf', ...o });
}

/** The endpoint's policy programs (bpf_lxc's policy_can_egress / the to-container tail call), asked through the policy seam. */
function bpfPolicy(w: Walk, ns: Netns, dev: Device, pkt: Pkt, direction: PolicyDirection, pod: ClusterPod): Outcome | undefined {
  const p = w.cluster.cni.policy;
  return p.enforces ? policyCheck(w, ns, dev.name, pkt, { direction, pod, point: p.where }) : undefined;
}

/**
 * lb4_rev_nat: an answer to a Service connection bpf_lxc load-balanced per packet gets the
 * Service address back as its source, on the node that holds the connection (the backend's
 * from-container when the client is on the same node, else as the client's endpoint is delivered to).
 */
function serviceAnswer(w: Walk, ns: Netns, dev: Device, prog: string, dir: TcDirection, pkt: Pkt): boolean {
  const before = recording(w) ? viewOf(pkt) : undefined;
  if (!bpfRevNat(w, ns, pkt, 'lb')) return false;
  bpfHop(w, ns, dev, prog, dir, `the packet answers a Service connection this node load-balanced per packet, so the program undoes the translation from its reverse-NAT map: the source goes back to the Service address ${pkt.src}:${pkt.sport}, which is what the client's socket is talking to at ${pkt.dst}:${pkt.dport}.`, pkt,
    { ...(before ? { before } : {}), table: 'bpf-nat' });
  return true;
}

/** ipv4_local_delivery: into a local endpoint's veth, through its ingress policy program, TTL lowered and MACs rewritten. */
function toEndpoint(w: Walk, ns: Netns, dev: Device, prog: string, dir: TcDirection, pkt: Pkt, pod: ClusterPod, why: string): BpfVerdict {
  const podNs = w.cluster.netns(pod.netns);
  const eth0 = device(podNs, 'eth0')!;
  const lxc = lxcOf(w.cluster, pod).dev;
  if (pkt.ttl <= 1) return { kind: 'done', outcome: drop(w, ns, dev.name, 'ttl-exceeded', `${prog} would deliver the packet but its TTL is ${pkt.ttl}.`, pkt) };
  serviceAnswer(w, ns, dev, prog, dir, pkt);
  const before = viewOf(pkt);
  pkt.ttl -= 1;
  pkt.srcMac = lxc.mac;
  pkt.dstMac = eth0.mac;
  bpfHop(w, ns, dev, prog, dir,
    `${why} ${pkt.dst} is a local endpoint (pod ${pod.key}, identity ${identityOf(w.cluster, pod)}), so the program lowers the TTL (${before.ttl} → ${pkt.ttl}) and rewrites the MACs like a router, then tail-calls that endpoint's policy program (to-container, where ingress NetworkPolicy is enforced), which redirects the packet straight into the pod's veth: the node's routing table and iptables are not consulted.`,
    pkt, { before, rule: ipcacheLine(w.cluster, nodeOf(w.cluster, ns), pkt.dst, { kind: 'local', pod }), table: 'bpf-ipcache' });
  // The endpoint's policy program runs at its own veth, after the routing decision above.
  const denied = bpfPolicy(w, ns, lxc, pkt, 'ingress', pod);
  if (denied) return { kind: 'done', outcome: denied };
  return { kind: 'redirect', ns: podNs, dev: eth0, to: 'ingress' };
}

/** Encapsulation towards a remote node: the tunnel key names its address and carries the source's identity as the VNI. */
function toTunnel(w: Walk, ns: Netns, dev: Device, prog: string, dir: TcDirection, pkt: Pkt, node: ClusterNode, identity: number, why: string): BpfVerdict {
  const vx = device(ns, CILIUM_VXLAN);
  if (!vx) return { kind: 'done', outcome: drop(w, ns, dev.name, 'no-route', `${prog} has no tunnel device.`, pkt) };
  pkt.tunnelKey = { remote: node.ip, vni: identity };
  bpfHop(w, ns, dev, prog, dir,
    `${why} The ipcache says ${pkt.dst} is behind node ${node.name} (tunnel endpoint ${node.ip}), so the program sets the tunnel key (remote ${node.ip}, VNI ${identity}: Cilium carries the sender's security identity in the VNI) and redirects the packet to ${CILIUM_VXLAN}.`,
    pkt, { rule: ipcacheLine(w.cluster, nodeOf(w.cluster, ns), pkt.dst, { kind: 'remote', node }), table: 'bpf-ipcache' });
  return { kind: 'redirect', ns, dev: vx, to: 'egress' };
}

function sourceIdentity(cluster: Cluster, ip: string): number {
  const pod = cluster.pods.find((p) => p.ip === ip && p.slot >= 0);
  return pod ? identityOf(cluster, pod) : ID_HOST;
}

/** Sends a packet on to wherever the ipcache says its destination is (after any translation). */
function forward(w: Walk, ns: Netns, dev: Device, prog: string, dir: TcDirection, pkt: Pkt, o: CiliumOptions, why: string): BpfVerdict {
  const self = nodeOf(w.cluster, ns);
  const dst = ipcache(w.cluster, self, pkt.dst);
  switch (dst.kind) {
    case 'local': return toEndpoint(w, ns, dev, prog, dir, pkt, dst.pod, why);
    case 'remote':
      if (o.tunnel) return toTunnel(w, ns, dev, prog, dir, pkt, dst.node, sourceIdentity(w.cluster, pkt.src), why);
      bpfHop(w, ns, dev, prog, dir, `${why} ${pkt.dst} is on node ${dst.node.name}; in native routing mode the program hands the packet to the kernel, whose route leads to that node.`, pkt,
        { rule: ipcacheLine(w.cluster, self, pkt.dst, dst), table: 'bpf-ipcache' });
      return { kind: 'pass' };
    case 'host':
    case 'world': {
      // A frame out of the tunnel still carries the MAC the far side addressed it to: the program
      // addresses it to this device (bpf_overlay's to_host rewrites the MACs) so the stack takes it.
      const before = viewOf(pkt);
      const readdress = dir === 'ingress' && pkt.dstMac !== dev.mac && dev.kind === 'vxlan';
      if (readdress) pkt.dstMac = dev.mac;
      bpfHop(w, ns, dev, prog, dir, `${why} ${pkt.dst} is ${dst.kind === 'host' ? 'this node itself' : 'outside the cluster (identity world)'}, so the program ${readdress ? `addresses the frame to ${dev.name}'s own MAC and ` : ''}lets the packet continue into the node's stack (TC_ACT_OK).`, pkt,
        { rule: ipcacheLine(w.cluster, self, pkt.dst, dst), table: 'bpf-ipcache', ...(readdress ? { before } : {}) });
      return { kind: 'pass' };
    }
  }
}

/**
 * The answer to a NodePort connection, its translations undone (rev_nodeport_lb4), sent on as
 * fib_redirect_v4 sends it: bpf_fib_lookup for the client, bpf_redirect_neigh to that next hop.
 */
function nodePortAnswer(w: Walk, ns: Netns, dev: Device, prog: string, pkt: Pkt, before: ReturnType<typeof viewOf>, what: string): BpfVerdict {
  const route = fibLookup(ns, pkt.dst);
  const out = device(ns, route?.dev);
  if (!route || !out) return { kind: 'done', outcome: drop(w, ns, dev.name, 'no-route', `${prog} undid the NodePort's translations, but the node has no route to the client ${pkt.dst}.`, pkt) };
  const nexthop = route.via ?? pkt.dst;
  bpfHop(w, ns, dev, prog, 'ingress', `${what} (now ${pkt.src}:${pkt.sport} → the client ${pkt.dst}:${pkt.dport}), looks the client up in the node's routing table (bpf_fib_lookup: next hop ${nexthop} on ${out.name}) and redirects it there, the kernel resolving the next hop's MAC (bpf_redirect_neigh).`, pkt,
    { before, table: 'bpf-nat' });
  return { kind: 'redirect', ns, dev: out, to: 'egress', neigh: nexthop };
}

function lbOf(cache: Map<string, LbState>, cluster: Cluster, node: ClusterNode): LbState {
  let lb = cache.get(node.name);
  if (!lb) { lb = lbState(cluster, node); cache.set(node.name, lb); }
  return lb;
}

function lbLine(f: Frontend, slot: number): string {
  const b = f.backends[slot - 1]!;
  return `${f.ip}:${f.port}/${f.proto} (${slot})   ${b.ip}:${b.port}/${b.proto} (${f.id}) (${slot})`;
}

export function ciliumDatapath(o: CiliumOptions): BpfDatapath {
  const lbs = new Map<string, LbState>();
  const pick = (w: { rng: { int(a: number, b: number): number } }, f: Frontend) => (f.backends.length ? 1 + w.rng.int(0, f.backends.length - 1) : 0);

  function fromContainer(w: Walk, ns: Netns, dev: Device, pkt: Pkt): BpfVerdict {
    const prog = 'cil_from_container (from-container)';
    // A local backend's answer to a NodePort connection: bpf_lxc's CT lookup sends it to the NodePort reverse-NAT path.
    const answered = viewOf(pkt);
    if (bpfRevNat(w, ns, pkt)) return nodePortAnswer(w, ns, dev, prog, pkt, answered, 'the pod answers a NodePort connection this node translated to it, so the program undoes the translation from its NAT table');
    // The answer to a Service connection this node load-balanced per packet (the CT entry is the node's).
    let why = serviceAnswer(w, ns, dev, prog, 'ingress', pkt) ? 'Translated back,' : 'The pod\'s packet enters the node here.';
    if (pkt.proto === 'tcp' || pkt.proto === 'udp') {
      const lb = lbOf(lbs, w.cluster, nodeOf(w.cluster, ns));
      const again = bpfFwdNat(w, ns, pkt, 'lb');
      const found = again ? undefined : findFrontend(lb, pkt.dst, pkt.dport, pkt.proto, (ip) => isLocalAddress(ns, ip));
      // Without the kube-proxy replacement, bpf_lxc still load-balances ClusterIPs per packet
      // (Helm's default kubeProxyReplacement=false "only enables per-packet in-cluster
      // load-balancing of ClusterIP services"); NodePorts and the rest are kube-proxy's.
      const f = found && (o.kubeProxyReplacement || found.type === 'ClusterIP') ? found : undefined;
      if (f) {
        const slot = pick(w, f);
        if (slot === 0) return { kind: 'done', outcome: drop(w, ns, dev.name, 'bpf-drop', `${prog} (tc ingress on ${dev.name}): ${pkt.dst}:${pkt.dport} is a Service with no backend, so the program drops the packet.`, pkt, { table: 'bpf-lb' }) };
        const before = viewOf(pkt);
        const orig = tupleOf(pkt);
        const b = f.backends[slot - 1]!;
        pkt.dst = b.ip;
        pkt.dport = b.port;
        // A pod load-balanced to itself: the source becomes the service loopback address, so
        // the answer leaves the pod and comes back through here to be translated.
        const hairpin = b.ip === pkt.src;
        if (hairpin) pkt.src = SERVICE_LOOPBACK;
        bpfNatStore(w, ns, orig, tupleOf(pkt), 'lb');
        bpfHop(w, ns, dev, prog, 'ingress', o.kubeProxyReplacement
          ? `this packet still carries the Service address (the socket was not translated at connect), so the program load-balances it here: backend ${b.ip}:${b.port}.`
          : `${orig.dst}:${orig.dport} is a ClusterIP of Service ${f.service.key}. Without the kube-proxy replacement there is no socket load balancer, but this program still load-balances ClusterIPs per packet: it picks backend ${b.ip}:${b.port}, rewrites the destination, and remembers the translation so the answer gets the Service address back. kube-proxy's iptables rules never see this packet.${hairpin ? ` The backend is the sender itself, so the source becomes ${SERVICE_LOOPBACK} (the service loopback address): otherwise the answer would stay inside the pod, untranslated.` : ''}`,
          pkt, { before, rule: lbLine(f, slot), table: 'bpf-lb' });
        why = 'Translated,';
      }
    }
    const pod = podBehind(w.cluster, ns, dev.name);
    const denied = pod && bpfPolicy(w, ns, dev, pkt, 'egress', pod);
    if (denied) return { kind: 'done', outcome: denied };
    return forward(w, ns, dev, prog, 'ingress', pkt, o, why);
  }

  function fromOverlay(w: Walk, ns: Netns, dev: Device, pkt: Pkt): BpfVerdict {
    const prog = 'cil_from_overlay (from-overlay)';
    const before = viewOf(pkt);
    const e = bpfRevNat(w, ns, pkt);
    if (e) return nodePortAnswer(w, ns, dev, prog, pkt, before, 'the decapsulated packet answers a NodePort connection this node translated, so the program undoes both translations from its NAT table');
    return forward(w, ns, dev, prog, 'ingress', pkt, o, 'The packet came out of the tunnel.');
  }

  function fromNetdev(w: Walk, ns: Netns, dev: Device, pkt: Pkt): BpfVerdict {
    const prog = 'cil_from_netdev (from-netdev)';
    if (pkt.encap) {
      bpfHop(w, ns, dev, prog, 'ingress', `an encapsulated packet from node ${pkt.src}; the program lets it through to the kernel, whose VXLAN driver will unwrap it.`, pkt);
      return { kind: 'pass' };
    }
    const before = viewOf(pkt);
    if (bpfRevNat(w, ns, pkt)) {
      bpfHop(w, ns, dev, prog, 'ingress', `the packet answers a connection the datapath translated; its NAT table gives the original addresses back (now ${pkt.src}:${pkt.sport} → ${pkt.dst}:${pkt.dport}).`, pkt, { before, table: 'bpf-nat' });
      return forward(w, ns, dev, prog, 'ingress', pkt, o, 'Then');
    }
    if (!o.kubeProxyReplacement || (pkt.proto !== 'tcp' && pkt.proto !== 'udp')) return { kind: 'pass' };
    const self = nodeOf(w.cluster, ns);
    const lb = lbOf(lbs, w.cluster, self);
    const f = findFrontend(lb, pkt.dst, pkt.dport, pkt.proto, (ip) => isLocalAddress(ns, ip));
    if (!f || f.type === 'ClusterIP') return { kind: 'pass' };
    const slot = pick(w, f);
    if (slot === 0) return { kind: 'done', outcome: drop(w, ns, dev.name, 'bpf-drop', `${prog} (tc ingress on ${dev.name}): ${f.type} ${pkt.dst}:${pkt.dport} has no backend${f.local ? ' on this node (externalTrafficPolicy: Local)' : ''}; the program drops the packet.`, pkt, { table: 'bpf-lb' }) };
    const b = f.backends[slot - 1]!;
    const orig = tupleOf(pkt);
    pkt.dst = b.ip;
    pkt.dport = b.port;
    const where_ = ipcache(w.cluster, self, b.ip);
    if (where_.kind === 'remote') {
      // bpf-lb-mode=snat: the answer must come back through this node to be translated.
      pkt.src = dev.addrs[0]!.ip;
      bpfNatStore(w, ns, orig, tupleOf(pkt));
      bpfHop(w, ns, dev, prog, 'ingress', `${orig.dst}:${orig.dport} is a ${f.type} of Service ${f.service.key}. The program picks backend ${b.ip}:${b.port} on node ${where_.node.name}, rewrites the destination to it and the source to ${pkt.src} (this node), so that the answer comes back here to be translated, and remembers both in its NAT table.`, pkt,
        { before, rule: lbLine(f, slot), table: 'bpf-lb' });
      return toTunnel(w, ns, dev, prog, 'ingress', pkt, where_.node, ID_WORLD, 'Then');
    }
    bpfNatStore(w, ns, orig, tupleOf(pkt));
    bpfHop(w, ns, dev, prog, 'ingress', `${orig.dst}:${orig.dport} is a ${f.type} of Service ${f.service.key}. The program picks backend ${b.ip}:${b.port} and rewrites the destination (the client's address is kept).`, pkt,
      { before, rule: lbLine(f, slot), table: 'bpf-lb' });
    return forward(w, ns, dev, prog, 'ingress', pkt, o, 'Then');
  }

  function toNetdev(w: Walk, ns: Netns, dev: Device, pkt: Pkt): BpfVerdict {
    const prog = 'cil_to_netdev (to-netdev)';
    const inPods = (ip: string) => w.cluster.nodes.some((n) => n.podRanges.some((r) => cidrContains(r, ipToInt(ip))));
    if (pkt.encap || !o.masquerade || !inPods(pkt.src) || inPods(pkt.dst) || w.cluster.nodes.some((n) => n.ip === pkt.dst)) {
      bpfHop(w, ns, dev, prog, 'egress', pkt.encap ? 'the encapsulated packet leaves the node unchanged: only its outer headers are seen on the wire.' : 'nothing to translate; the packet leaves as it is.', pkt);
      return { kind: 'pass' };
    }
    const before = viewOf(pkt);
    const orig = tupleOf(pkt);
    pkt.src = dev.addrs[0]!.ip;
    bpfNatStore(w, ns, orig, tupleOf(pkt));
    bpfHop(w, ns, dev, prog, 'egress', `the packet leaves the cluster from a pod address, so BPF masquerading rewrites its source to ${pkt.src}, ${dev.name}'s address, and keeps the translation in the datapath's NAT table (no iptables MASQUERADE rule is involved).`, pkt,
      { before, rule: `${orig.proto.toUpperCase()} OUT ${orig.src}:${orig.sport} -> ${orig.dst}:${orig.dport} XLATE_SRC ${pkt.src}:${pkt.sport}`, table: 'bpf-nat' });
    return { kind: 'pass' };
  }

  function fromHost(w: Walk, ns: Netns, dev: Device, pkt: Pkt): BpfVerdict {
    return forward(w, ns, dev, 'cil_from_host (from-host)', 'egress', pkt, o, `The node's own stack routed the packet to ${dev.name}.`);
  }

  return {
    tc(w, ns, dev, dir, pkt) {
      const prog = dev.tc?.[dir];
      switch (prog) {
        case 'cil_from_container': return fromContainer(w, ns, dev, pkt);
        case 'cil_from_overlay': return fromOverlay(w, ns, dev, pkt);
        case 'cil_from_netdev': return fromNetdev(w, ns, dev, pkt);
        case 'cil_to_netdev': return toNetdev(w, ns, dev, pkt);
        case 'cil_from_host': return fromHost(w, ns, dev, pkt);
        case 'cil_to_overlay':
          bpfHop(w, ns, dev, 'cil_to_overlay (to-overlay)', 'egress', 'the packet goes into the tunnel as the tunnel key says.', pkt);
          return { kind: 'pass' };
        default: return { kind: 'pass' };
      }
    },
    connect(cluster, rng, ns, dst, dport, proto) {
      if (!o.kubeProxyReplacement || (ns.kind !== 'pod' && ns.kind !== 'node')) return undefined;
      const node = cluster.node(ns.machine);
      if (!node) return undefined;
      const f = findFrontend(lbOf(lbs, cluster, node), dst, dport, proto, (ip) => cluster.nodes.some((n) => n.ip === ip));
      if (!f || f.backends.length === 0) return undefined;
      const slot = 1 + rng.int(0, f.backends.length - 1);
      const b = f.backends[slot - 1]!;
      return {
        dst: b.ip, dport: b.port, table: 'bpf-lb', rule: lbLine(f, slot),
        text: `Cilium's socket load balancer (cgroup/connect4, kube-proxy replacement) sees the ${proto === 'tcp' ? 'connect()' : 'datagram'} to ${dst}:${dport}, a ${f.type} of Service ${f.service.key}, picks backend ${b.ip}:${b.port} at random and rewrites the socket's destination before any packet exists. The packet leaves ${where(ns)} already addressed to the backend, so no DNAT happens on the way and nothing has to be undone on the way back; the application still sees ${dst}:${dport} (getpeername is translated too).`,
      };
    },
  };
}
