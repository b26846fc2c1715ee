// Tunnel devices. A VXLAN device (flannel.1, vxlan.calico, cilium_vxlan) wraps the frame it
// is given in UDP: its FDB names the remote VTEP for the inner destination MAC (or, on a
// collect-metadata device, an eBPF program set the tunnel key), and the outer packet (node
// to node, UDP to port 8472 or 4789) is sent by the node like any packet it makes: routed,
// through OUTPUT and POSTROUTING, out of eth0. An IP-in-IP device (tunl0) puts the packet
// behind a second IP header, to the route's gateway. At the far node the outer packet is for
// the node itself; the VXLAN driver's UDP socket (or the IP-in-IP protocol handler) takes it,
// strips the outer headers, and the inner packet arrives on the tunnel device. Both ends
// reset the packet's conntrack reference (skb_scrub_packet): netfilter tracks the outer and
// the inner packets as separate flows.
import type { Device, Netns } from '../cluster/types';
import { fnv32a } from '../lib/hash';
import { fibLookup, selectSource } from './fib';
import { ipOutput, ipRcv } from './ip';
import { ENCAP_OVERHEAD, viewOf, wireSize, type EncapKind, type Pkt } from './packet';
import { drop, record, recording, where, type Outcome, type Walk } from './walk';
import { l2Rcv, arrive } from './l2';
import { kernelRefusal } from './answer';
import { spendTime } from './latency';

/** udp_flow_src_port: the outer source port is a hash of the inner flow, in the ephemeral range, so each flow keeps one path. */
function flowSrcPort(p: Pkt): number {
  const h = fnv32a(`${p.src}|${p.dst}|${p.proto}|${p.sport}|${p.dport}`) >>> 0;
  return 32768 + Math.floor((h * (60999 - 32768)) / 2 ** 32);
}

/** `ip -d link`'s description of a VXLAN device. */
export function vxlanText(d: Device): string {
  const v = d.vxlan!;
  const id = v.vni === 'external' ? 'external id 0' : `id ${v.vni}`;
  return `vxlan ${id}${v.local ? ` local ${v.local}` : ''}${v.dev ? ` dev ${v.dev}` : ''} srcport 0 0 dstport ${v.port}${v.learning ? '' : ' nolearning'} ttl auto ageing 300`;
}

function scrub(p: Pkt): void {
  p.ct = undefined;
  p.nfns = undefined;
}

function words(kind: EncapKind): string {
  return kind === 'ipip' ? 'IP-in-IP' : kind === 'geneve' ? 'Geneve' : 'VXLAN';
}

/** A tunnel device is asked to send `pkt`: wrap it and send the outer packet from this node. */
export function tunnelXmit(w: Walk, ns: Netns, dev: Device, nexthop: string, pkt: Pkt): Outcome {
  w.pendingBefore = undefined;
  const before = recording(w) ? viewOf(pkt) : undefined;
  let remote: string;
  let vni: number | undefined;
  let rule: string;
  let table: string;
  let why: string;
  if (dev.kind === 'vxlan') {
    const v = dev.vxlan!;
    if (v.vni === 'external') {
      if (!pkt.tunnelKey) return drop(w, ns, dev.name, 'no-route', `${dev.name} is a collect-metadata VXLAN device: only an eBPF program that sets a tunnel key may send through it.`, pkt);
      ({ remote, vni } = pkt.tunnelKey);
      rule = `tunnel key: remote ${remote} vni ${vni}`;
      table = 'bpf';
      why = `the eBPF program that sent it here set the tunnel key: remote node ${remote}, VNI ${vni} (Cilium puts the sender's security identity in the VNI)`;
    } else {
      const f = ns.fdb.find((e) => e.dev === dev.name && e.mac === pkt.dstMac);
      if (!f) return drop(w, ns, dev.name, 'neigh-failed', `${dev.name} has no forwarding entry for ${pkt.dstMac}, so it does not know which node that VTEP is on; the frame is dropped.`, pkt, { table: 'fdb' });
      remote = f.dst;
      vni = v.vni;
      rule = `${f.mac} dev ${f.dev} dst ${f.dst} self permanent`;
      table = 'fdb';
      why = `its forwarding entry for ${pkt.dstMac} (the VTEP of the node that owns ${pkt.dst}) says ${remote}`;
    }
  } else {
    // tunl0 is the NBMA fallback device: the route's gateway is the remote end.
    if (nexthop === pkt.dst && !fibLookup(ns, pkt.dst)?.via) return drop(w, ns, dev.name, 'no-route', `${dev.name} has no remote end: the route must name the other node as its gateway (onlink).`, pkt);
    remote = nexthop;
    rule = `${pkt.dst} via ${remote} dev ${dev.name} onlink`;
    table = 'routes';
    why = `the route's gateway ${remote} is the other end`;
  }
  const r = fibLookup(ns, remote);
  const src = dev.vxlan?.local ?? (r && selectSource(ns, r, remote)) ?? remote;
  const kind: EncapKind = dev.kind === 'ipip' ? 'ipip' : 'vxlan';
  scrub(pkt);
  const outer: Pkt = {
    srcMac: '', dstMac: '', src, dst: remote, proto: kind === 'ipip' ? 'ipip' : 'udp',
    sport: kind === 'ipip' ? 0 : flowSrcPort(pkt), dport: kind === 'ipip' ? 0 : dev.vxlan!.port,
    // VXLAN's ttl auto is the default TTL; tunl0 inherits the inner TTL and DF (nopmtudisc).
    ttl: kind === 'ipip' ? pkt.ttl : 64, flags: '', mark: pkt.mark, size: wireSize(pkt) + ENCAP_OVERHEAD[kind], df: kind === 'ipip' ? pkt.df : false,
    nfns: ns.id, encap: { kind, ...(vni !== undefined ? { vni } : {}), inner: pkt },
  };
  spendTime(w, 'tunnel');
  if (before) {
    const header = kind === 'ipip'
      ? `an outer IP header from ${src} to ${remote} (protocol 4, IP-in-IP): 20 bytes more`
      : `a UDP datagram from ${src} to ${remote}:${dev.vxlan!.port} with a VXLAN header carrying VNI ${vni}: 50 bytes more (outer IP 20, UDP 8, VXLAN 8, and the inner Ethernet header 14 that now travels inside)`;
    const mtu = `That overhead is why ${dev.name}'s MTU is ${dev.mtu}: the packet inside may be at most ${dev.mtu} bytes so that, wrapped, it still fits the ${dev.mtu + ENCAP_OVERHEAD[kind]} bytes the node network carries.`;
    record(w, ns, dev.name, 'encap',
      `${dev.name} is ${kind === 'ipip' ? 'an IP-in-IP' : 'a VXLAN'} tunnel device. To know where to send the packet for ${pkt.dst}, ${why}. It wraps the ${kind === 'ipip' ? 'packet' : 'frame'} in ${header}. ${dev.kind === 'vxlan' && dev.vxlan!.vni === 'external' ? '' : mtu} The node now sends the outer packet like any packet of its own.`,
      outer, { before, rule, table });
  }
  return ipOutput(w, ns, outer);
}

/** The decapsulated packet arrives on the tunnel device. */
export function tunnelArrives(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  return dev.kind === 'ipip' ? ipRcv(w, ns, dev, pkt) : l2Rcv(w, ns, dev, pkt);
}

/** A packet for this namespace that a tunnel endpoint takes (VXLAN's UDP socket, the IP-in-IP handler); undefined when it is an ordinary packet. */
export function tunnelRcv(w: Walk, ns: Netns, inDev: Device, pkt: Pkt): Outcome | undefined {
  let dev: Device | undefined;
  if (pkt.proto === 'udp') {
    dev = ns.devices.find((d) => d.kind === 'vxlan' && d.vxlan!.port === pkt.dport
      && (d.vxlan!.vni === 'external' || pkt.encap?.vni === undefined || d.vxlan!.vni === pkt.encap.vni));
    if (!dev) return undefined;
    if (!pkt.encap) return drop(w, ns, inDev.name, 'port-unreachable', `UDP port ${pkt.dport} belongs to the kernel's VXLAN driver, and this datagram is not VXLAN; it is dropped.`, pkt);
  } else if (pkt.proto === 'ipip') {
    dev = ns.devices.find((d) => d.kind === 'ipip');
    if (!dev || !pkt.encap) {
      return { kind: 'refused', code: 'port-unreachable', detail: 'no IP-in-IP tunnel', ns, answer: kernelRefusal(ns, pkt, 'proto-unreachable') };
    }
  } else return undefined;
  const inner = pkt.encap!.inner;
  scrub(inner);
  spendTime(w, 'tunnel');
  if (recording(w)) {
    const kind = pkt.encap!.kind;
    const link = dev.kind === 'vxlan' ? vxlanText(dev) : 'ipip any remote any local any ttl inherit nopmtudisc';
    record(w, ns, dev.name, 'decap',
      `${kind === 'ipip' ? `IP protocol 4 (IP-in-IP) goes to the kernel's tunnel handler` : `UDP port ${pkt.dport} belongs to the kernel's ${words(kind)} driver, not to an application`}: it strips the outer headers (${ENCAP_OVERHEAD[kind]} bytes) and the ${kind === 'ipip' ? 'packet' : 'frame'} inside, from ${inner.src} to ${inner.dst}, arrives on ${dev.name} of ${where(ns)} as if it had come in on a wire. conntrack sees it afresh.`,
      inner, { before: viewOf(pkt), rule: link, table: 'link' });
  }
  return arrive(w, ns, dev, inner);
}
