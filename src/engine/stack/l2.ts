// Layer 2: neighbour resolution (ARP, the cache, entries programs installed), putting a frame
// on a device (through a veth pair, onto a wire, looped back) and a frame arriving on one.
// What each device kind does is in devices.ts; the bridge is in bridge.ts, tunnels in
// tunnel.ts. eBPF programs attached to a device's tc hooks run on the way out and in.
// Nothing here looks at IP routes.
import { BROADCAST_MAC } from '../lib/mac';
import type { Device, Netns } from '../cluster/types';
import { device, firstGlobalAddress, isLocalAddress } from './fib';
import { ipRcv } from './ip';
import { viewOf, type Pkt } from './packet';
import type { PacketView } from '../trace/types';
import { drop, dropWithError, record, recording, spend, where, type Outcome, type Walk } from './walk';
import { kernelRefusal, mayAnswer } from './answer';
import { spendTime } from './latency';
import { observePolicy } from '../policy/observe';
import { DEVICE_KINDS } from './devices';
import { askBridge, bridgeForward } from './bridge';

export interface Responder { readonly ns: Netns; readonly dev: Device }

export const hasAddr = (d: Device | undefined, ip: string) => d !== undefined && d.addrs.some((a) => a.ip === ip);

export function peerOf(w: Walk, d: Device): Responder | undefined {
  if (!d.peer) return undefined;
  const ns = w.cluster.netns(d.peer.netns);
  const dev = device(ns, d.peer.device);
  return dev ? { ns, dev } : undefined;
}

/** ARP out of a veth end: the peer answers for its addresses, or for any (proxy_arp, an eBPF responder); a bridged peer asks its bridge. */
export function arpVethPeer(w: Walk, _ns: Netns, dev: Device, target: string): Responder | undefined {
  const peer = peerOf(w, dev);
  if (!peer) return undefined;
  if (peer.dev.master) {
    const br = device(peer.ns, peer.dev.master);
    return br ? askBridge(w, peer.ns, br, peer.dev.name, dev.mac, target) : undefined;
  }
  return hasAddr(peer.dev, target) || peer.dev.proxyArp || peer.dev.bpfArp ? peer : undefined;
}

export function arpBridge(w: Walk, ns: Netns, br: Device, target: string): Responder | undefined {
  return askBridge(w, ns, br, null, br.mac, target);
}

/** ARP on a wire: whoever on that segment holds the address. */
export function arpSegment(w: Walk, ns: Netns, dev: Device, target: string): Responder | undefined {
  const owner = dev.segment ? w.cluster.onSegment(dev.segment, target) : undefined;
  if (!owner || owner.netns === ns.id) return undefined;
  const ons = w.cluster.netns(owner.netns);
  const odev = device(ons, owner.device);
  return odev ? { ns: ons, dev: odev } : undefined;
}

/** The wire a device plugs into, in words. */
export function segmentWord(w: Walk, segment: string | undefined, long: boolean): string {
  switch (segment) {
    case 'internet': return 'the link between the gateway and the internet';
    case 'wan': return long ? 'the internet (many routers and links, drawn as one)' : 'the internet';
    default: {
      const seg = w.cluster.underlay.segments.find((s) => s.id === segment);
      if (w.cluster.underlay.kind === 'vpc' && seg) return long ? `the VPC subnet ${seg.label.replace(/^subnet /, '')}, delivered by the VPC fabric` : `the VPC subnet ${seg.label.replace(/^subnet /, '')}`;
      return long ? 'the node network (the docker network "kind", a switch between the machines)' : 'the node network';
    }
  }
}

function linkWord(w: Walk, dev: Device): string {
  switch (dev.kind) {
    case 'veth': return 'the veth pair';
    case 'bridge': return `every port of ${dev.name}`;
    case 'ether': return segmentWord(w, dev.segment, false);
    default: return dev.name;
  }
}

/** `before` for a hop that rewrote the Ethernet header (none when the walk records no hops). */
function macChange(before: PacketView | undefined, pkt: Pkt): { before?: PacketView } {
  return before && (before.srcMac !== pkt.srcMac || before.dstMac !== pkt.dstMac) ? { before } : {};
}

function neighRule(w: Walk, ns: Netns, dev: Device, nexthop: string): string | undefined {
  const fixed = ns.neigh.find((n) => n.dev === dev.name && n.ip === nexthop);
  if (fixed) return `${fixed.ip} dev ${fixed.dev} lladdr ${fixed.mac} PERMANENT`;
  const e = w.st.getNeigh(ns.id, dev.name, nexthop);
  return e ? `${e.ip} dev ${e.dev} lladdr ${e.mac} ${e.state}` : undefined;
}

/** Resolves the next hop's MAC (ARP if nothing says it) and transmits the frame; `forwarded` when routing someone else's packet. */
export function neighOutput(w: Walk, ns: Netns, dev: Device, nexthop: string, pkt: Pkt, forwarded = false): Outcome {
  const before = recording(w) ? viewOf(pkt) : undefined;
  if (!DEVICE_KINDS[dev.kind].arp || dev.noarp) {
    // NOARP devices: the neighbour takes the device's own address (arp_constructor); an IP-in-IP tunnel has no Ethernet header at all.
    pkt.srcMac = dev.kind === 'ipip' ? '' : dev.mac;
    pkt.dstMac = dev.kind === 'ipip' ? '' : dev.mac;
    return devXmit(w, ns, dev, nexthop, pkt);
  }
  pkt.srcMac = dev.mac;
  const fixed = ns.neigh.find((n) => n.dev === dev.name && n.ip === nexthop);
  if (fixed) {
    pkt.dstMac = fixed.mac;
    return devXmit(w, ns, dev, nexthop, pkt, macChange(before, pkt).before);
  }
  let e = w.st.getNeigh(ns.id, dev.name, nexthop);
  if (!e || e.state === 'FAILED') {
    const r = DEVICE_KINDS[dev.kind].neighbour(w, ns, dev, nexthop);
    if (!r) {
      w.st.setNeigh(ns.id, { ip: nexthop, dev: dev.name, mac: '', state: 'FAILED' });
      // The kernel sends ARP requests for about three seconds (ucast/mcast probes, 1 s apart) before it gives up.
      w.elapsed += 3000;
      const o = { rule: `${nexthop} dev ${dev.name} FAILED`, table: 'neigh' };
      const asked = `${dev.name} broadcasts an ARP request "who has ${nexthop}?" to ${linkWord(w, dev)}, and nobody answers. The neighbour entry becomes FAILED and the packet is dropped`;
      // A router tells the sender (ICMP host unreachable, after about 3 s of ARP retries); a sender's own socket gets EHOSTUNREACH.
      if (forwarded && mayAnswer(pkt)) {
        return dropWithError(w, ns, dev.name, 'neigh-failed', `${asked}; after its ARP retries the router sends ${pkt.src} an ICMP "host unreachable".`, pkt, kernelRefusal(ns, pkt, 'host-unreachable'), o);
      }
      return drop(w, ns, dev.name, 'neigh-failed', `${asked}: the socket gets "No route to host".`, pkt, o);
    }
    e = { ip: nexthop, dev: dev.name, mac: r.dev.mac, state: 'REACHABLE' };
    w.st.setNeigh(ns.id, e);
    // The answering kernel caches the asker too (Linux creates a STALE entry for the sender).
    // inet_select_addr: the device's own address, else the namespace's first global one.
    const senderIp = isLocalAddress(ns, pkt.src) ? pkt.src
      : (dev.addrs[0]?.ip ?? firstGlobalAddress(ns) ?? pkt.src);
    if (!w.st.getNeigh(r.ns.id, r.dev.name, senderIp)) {
      w.st.setNeigh(r.ns.id, { ip: senderIp, dev: r.dev.name, mac: dev.mac, state: 'STALE' });
    }
    pkt.dstMac = e.mac;
    if (before) {
      const who = hasAddr(r.dev, nexthop) || r.dev.kind === 'bridge' || r.ns.kind !== 'node' ? ''
        : r.dev.proxyArp ? ` (proxy ARP: ${r.dev.name} answers with its own MAC for an address it routes elsewhere)`
          : r.dev.bpfArp ? ` (an eBPF program on ${r.dev.name} answers every ARP request with the device's own MAC)` : '';
      record(w, ns, dev.name, 'arp',
        `No neighbour entry for ${nexthop} yet, so ${dev.name} broadcasts an ARP request "who has ${nexthop}? tell ${senderIp}" to ${linkWord(w, dev)}. ${r.dev.name} in ${where(r.ns)} answers "${nexthop} is at ${r.dev.mac}"${who}, and the answer is cached.`,
        pkt, { rule: `${nexthop} dev ${dev.name} lladdr ${e.mac} REACHABLE`, table: 'neigh', ...macChange(before, pkt) });
    }
    return devXmit(w, ns, dev, nexthop, pkt);
  }
  if (e.state === 'STALE') w.st.setNeigh(ns.id, { ...e, state: 'REACHABLE' });
  pkt.dstMac = e.mac;
  return devXmit(w, ns, dev, nexthop, pkt, macChange(before, pkt).before);
}

/** The walk ran too long. */
export function tooLong(w: Walk, ns: Netns, dev: string, pkt: Pkt): Outcome {
  return drop(w, ns, dev, 'loop', 'The walk has gone on for too many hops; podpath stops it here.', pkt);
}

/** Puts a frame on a device: its tc egress program first (if any), then what the device kind does. */
export function devXmit(w: Walk, ns: Netns, dev: Device, nexthop: string, pkt: Pkt, before?: PacketView): Outcome {
  if (!spend(w)) return tooLong(w, ns, dev.name, pkt);
  if (dev.tc?.egress && w.cluster.cni.bpf) {
    const v = w.cluster.cni.bpf.tc(w, ns, dev, 'egress', pkt);
    if (v.kind === 'done') return v.outcome;
    if (v.kind === 'redirect') return v.to === 'egress' ? DEVICE_KINDS[v.dev.kind].xmit(w, v.ns, v.dev, nexthop, pkt) : arrive(w, v.ns, v.dev, pkt);
  }
  w.pendingBefore = before;
  return DEVICE_KINDS[dev.kind].xmit(w, ns, dev, nexthop, pkt);
}

/** The `before` a device's hop shows (a MAC rewrite just done by neighbour output), used once. */
function takeBefore(w: Walk): { before?: PacketView } {
  const b = w.pendingBefore;
  w.pendingBefore = undefined;
  return b ? { before: b } : {};
}

/** A frame arrives on a device: its tc ingress program first (if any), then what the device kind does. */
export function arrive(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  if (dev.tc?.ingress && w.cluster.cni.bpf) {
    const v = w.cluster.cni.bpf.tc(w, ns, dev, 'ingress', pkt);
    if (v.kind === 'done') return v.outcome;
    if (v.kind === 'redirect') {
      if (v.to === 'ingress') return DEVICE_KINDS[v.dev.kind].arrive(w, v.ns, v.dev, pkt);
      return v.neigh ? neighOutput(w, v.ns, v.dev, v.neigh, pkt, true) : devXmit(w, v.ns, v.dev, pkt.dst, pkt);
    }
  }
  return DEVICE_KINDS[dev.kind].arrive(w, ns, dev, pkt);
}

export function loopbackXmit(w: Walk, ns: Netns, dev: Device, _nexthop: string, pkt: Pkt): Outcome {
  takeBefore(w);
  spendTime(w, 'loopback');
  if (recording(w)) record(w, ns, 'lo', 'loopback', `The destination is an address of ${where(ns)} itself, so the packet goes through the loopback device lo and comes straight back in; it never leaves the namespace.`, pkt);
  return ipRcv(w, ns, dev, pkt);
}

export function vethXmit(w: Walk, ns: Netns, dev: Device, nexthop: string, pkt: Pkt): Outcome {
  const b = takeBefore(w);
  const peer = peerOf(w, dev);
  if (!peer) return drop(w, ns, dev.name, 'neigh-failed', `${dev.name} has no peer.`, pkt);
  spendTime(w, 'veth');
  if (recording(w)) {
    record(w, ns, dev.name, 'veth',
      `The frame leaves through ${dev.name}, one end of a veth pair. Whatever enters one end comes out of the other: ${peer.dev.name} in ${where(peer.ns)}.`,
      pkt, { rule: neighRule(w, ns, dev, nexthop), table: 'neigh', ...b });
  }
  return arrive(w, peer.ns, peer.dev, pkt);
}

export function etherXmit(w: Walk, ns: Netns, dev: Device, nexthop: string, pkt: Pkt): Outcome {
  const b = takeBefore(w);
  const owner = dev.segment ? w.cluster.onSegment(dev.segment, nexthop) : undefined;
  const ons = owner ? w.cluster.netns(owner.netns) : undefined;
  const odev = ons && owner ? device(ons, owner.device) : undefined;
  if (!ons || !odev || odev.mac !== pkt.dstMac) {
    return drop(w, ns, dev.name, 'neigh-failed', `No interface on the wire has MAC ${pkt.dstMac}.`, pkt);
  }
  spendTime(w, { segment: dev.segment });
  if (recording(w)) {
    const carrying = pkt.encap ? ` It carries a ${pkt.encap.kind === 'ipip' ? 'IP-in-IP' : 'VXLAN'} packet: the wire only sees the outer headers, between the two nodes.` : '';
    record(w, ns, dev.name, 'wire',
      `The frame leaves ${where(ns)} through ${dev.name} onto ${segmentWord(w, dev.segment, true)} and reaches ${odev.name} of ${where(ons)}, whose MAC it carries.${carrying}`,
      pkt, { rule: neighRule(w, ns, dev, nexthop), table: 'neigh', ...b });
  }
  return arrive(w, ons, odev, pkt);
}

export function dummyXmit(w: Walk, ns: Netns, dev: Device, _nexthop: string, pkt: Pkt): Outcome {
  takeBefore(w);
  return drop(w, ns, dev.name, 'not-for-us', `${dev.name} is a dummy device: it only holds addresses and never sends.`, pkt);
}

export function dummyArrives(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  return drop(w, ns, dev.name, 'not-for-us', `${dev.name} is a dummy device: nothing arrives on it.`, pkt);
}

/** A frame arrives on a veth end or a NIC: into its bridge if it is a port, else up to the stack if it is for this MAC. */
export function frameArrives(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  if (dev.master) {
    const br = device(ns, dev.master);
    if (br) return bridgeForward(w, ns, br, dev.name, pkt);
  }
  return l2Rcv(w, ns, dev, pkt);
}

export function l2Rcv(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  if (dev.kind !== 'loopback' && pkt.dstMac !== dev.mac && pkt.dstMac !== BROADCAST_MAC) {
    return drop(w, ns, dev.name, 'not-for-us', `${dev.name} has MAC ${dev.mac}, but the frame is for ${pkt.dstMac}, so it is ignored.`, pkt);
  }
  observePolicy(w, ns, dev.name, pkt, 'ingress');
  return ipRcv(w, ns, dev, pkt);
}
