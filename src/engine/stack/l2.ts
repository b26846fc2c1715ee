// Layer 2: neighbour resolution (ARP), veth pairs, the Linux bridge (FDB learning,
// forwarding, flooding) and the node network wire. A frame only moves by MAC address here;
// nothing in this file looks at IP routes.
import { BROADCAST_MAC } from '../lib/mac';
import type { Device, Netns } from '../cluster/types';
import { device, isLocalAddress } from './fib';
import { ipRcv, ipRoute } from './ip';
import { nfHook } from './hooks';
import { viewOf, type Pkt } from './packet';
import type { PacketView } from '../trace/types';
import { drop, dropWithError, record, spend, where, type Outcome, type Walk } from './walk';
import { kernelRefusal, mayAnswer } from './answer';
import { spendTime } from './latency';
import { observePolicy } from '../policy/observe';

interface Responder { readonly ns: Netns; readonly dev: Device }

const hasAddr = (d: Device | undefined, ip: string) => d !== undefined && d.addrs.some((a) => a.ip === ip);

function bridgePorts(ns: Netns, bridge: string): Device[] {
  return ns.devices.filter((d) => d.master === bridge);
}

function peerOf(w: Walk, d: Device): { ns: Netns; dev: Device } | undefined {
  if (!d.peer) return undefined;
  const ns = w.cluster.netns(d.peer.netns);
  const dev = device(ns, d.peer.device);
  return dev ? { ns, dev } : undefined;
}

/** Who answers an ARP request for `target` sent by `from` out of this bridge's domain. */
function askBridge(w: Walk, ns: Netns, br: Device, inPort: string | null, senderMac: string, target: string): Responder | undefined {
  if (inPort !== null) {
    w.st.learnFdb(ns.id, br.name, senderMac, inPort);
    if (hasAddr(br, target)) return { ns, dev: br };
  }
  const owner = w.cluster.ownerOf(target);
  for (const port of bridgePorts(ns, br.name)) {
    if (port.name === inPort || !port.peer || (owner && port.peer.netns !== owner.netns)) continue;
    const peer = peerOf(w, port);
    if (peer && hasAddr(peer.dev, target)) {
      w.st.learnFdb(ns.id, br.name, peer.dev.mac, port.name);
      return peer;
    }
  }
  return undefined;
}

function askLink(w: Walk, ns: Netns, dev: Device, target: string): Responder | undefined {
  switch (dev.kind) {
    case 'veth': {
      const peer = peerOf(w, dev);
      if (!peer) return undefined;
      if (peer.dev.master) {
        const br = device(peer.ns, peer.dev.master);
        return br ? askBridge(w, peer.ns, br, peer.dev.name, dev.mac, target) : undefined;
      }
      return hasAddr(peer.dev, target) ? peer : undefined;
    }
    case 'bridge': return askBridge(w, ns, dev, null, dev.mac, target);
    case 'ether': {
      const owner = dev.segment ? w.cluster.onSegment(dev.segment, target) : undefined;
      if (!owner || owner.netns === ns.id) return undefined;
      const ons = w.cluster.netns(owner.netns);
      const odev = device(ons, owner.device);
      return odev ? { ns: ons, dev: odev } : undefined;
    }
    case 'loopback':
    case 'dummy':
      return undefined;
  }
}

/** The wire a device plugs into, in words. */
function segmentWord(segment: string | undefined, long: boolean): string {
  switch (segment) {
    case 'internet': return 'the link between the gateway and the internet';
    case 'wan': return long ? 'the internet (many routers and links, drawn as one)' : 'the internet';
    default: return long ? 'the node network (the docker network "kind", a switch between the machines)' : 'the node network';
  }
}

function linkWord(dev: Device): string {
  switch (dev.kind) {
    case 'veth': return 'the veth pair';
    case 'bridge': return `every port of ${dev.name}`;
    case 'ether': return segmentWord(dev.segment, false);
    default: return dev.name;
  }
}

/** Resolves the next hop's MAC (ARP if the cache has none) and transmits the frame; `forwarded` when routing someone else's packet. */
export function neighOutput(w: Walk, ns: Netns, dev: Device, nexthop: string, pkt: Pkt, forwarded = false): Outcome {
  const before = viewOf(pkt);
  if (dev.kind === 'loopback') {
    pkt.srcMac = dev.mac;
    pkt.dstMac = dev.mac;
    return devXmit(w, ns, dev, nexthop, pkt);
  }
  pkt.srcMac = dev.mac;
  let e = w.st.getNeigh(ns.id, dev.name, nexthop);
  if (!e || e.state === 'FAILED') {
    const r = askLink(w, ns, dev, nexthop);
    if (!r) {
      w.st.setNeigh(ns.id, { ip: nexthop, dev: dev.name, mac: '', state: 'FAILED' });
      // The kernel sends ARP requests for about three seconds (ucast/mcast probes, 1 s apart) before it gives up.
      w.elapsed += 3000;
      const o = { rule: `${nexthop} dev ${dev.name} FAILED`, table: 'neigh' };
      const asked = `${dev.name} broadcasts an ARP request "who has ${nexthop}?" to ${linkWord(dev)}, and nobody answers. The neighbour entry becomes FAILED and the packet is dropped`;
      // A router tells the sender (ICMP host unreachable, after about 3 s of ARP retries); a sender's own socket gets EHOSTUNREACH.
      if (forwarded && mayAnswer(pkt)) {
        return dropWithError(w, ns, dev.name, 'neigh-failed', `${asked}; after its ARP retries the router sends ${pkt.src} an ICMP "host unreachable".`, pkt, kernelRefusal(ns, pkt, 'host-unreachable'), o);
      }
      return drop(w, ns, dev.name, 'neigh-failed', `${asked}: the socket gets "No route to host".`, pkt, o);
    }
    e = { ip: nexthop, dev: dev.name, mac: r.dev.mac, state: 'REACHABLE' };
    w.st.setNeigh(ns.id, e);
    // The answering kernel caches the asker too (Linux creates a STALE entry for the sender).
    const senderIp = isLocalAddress(ns, pkt.src) ? pkt.src : (dev.addrs[0]?.ip ?? pkt.src);
    if (!w.st.getNeigh(r.ns.id, r.dev.name, senderIp)) {
      w.st.setNeigh(r.ns.id, { ip: senderIp, dev: r.dev.name, mac: dev.mac, state: 'STALE' });
    }
    pkt.dstMac = e.mac;
    record(w, ns, dev.name, 'arp',
      `No neighbour entry for ${nexthop} yet, so ${dev.name} broadcasts an ARP request "who has ${nexthop}? tell ${senderIp}" to ${linkWord(dev)}. ${r.dev.name} in ${where(r.ns)} answers "${nexthop} is at ${r.dev.mac}", and the answer is cached.`,
      pkt, { rule: `${nexthop} dev ${dev.name} lladdr ${e.mac} REACHABLE`, table: 'neigh', ...macChange(before, pkt) });
    return devXmit(w, ns, dev, nexthop, pkt);
  }
  if (e.state === 'STALE') w.st.setNeigh(ns.id, { ...e, state: 'REACHABLE' });
  pkt.dstMac = e.mac;
  return devXmit(w, ns, dev, nexthop, pkt, macChange(before, pkt).before);
}

/** `before` for a hop that rewrote the Ethernet header. */
function macChange(before: PacketView, pkt: Pkt): { before?: PacketView } {
  return before.srcMac !== pkt.srcMac || before.dstMac !== pkt.dstMac ? { before } : {};
}

function neighRule(w: Walk, ns: Netns, dev: Device, nexthop: string): string | undefined {
  const e = w.st.getNeigh(ns.id, dev.name, nexthop);
  return e ? `${e.ip} dev ${e.dev} lladdr ${e.mac} ${e.state}` : undefined;
}

/** Puts a frame on a device: through a veth pair, out of a bridge, onto a wire, or looped back. */
export function devXmit(w: Walk, ns: Netns, dev: Device, nexthop: string, pkt: Pkt, before?: PacketView): Outcome {
  const b = before ? { before } : {};
  if (!spend(w)) return drop(w, ns, dev.name, 'loop', 'The walk has gone on for too many hops; podpath stops it here.', pkt);
  switch (dev.kind) {
    case 'loopback':
      spendTime(w, 'loopback');
      record(w, ns, 'lo', 'loopback', `The destination is an address of ${where(ns)} itself, so the packet goes through the loopback device lo and comes straight back in; it never leaves the namespace.`, pkt);
      return ipRcv(w, ns, dev, pkt);
    case 'veth': {
      const peer = peerOf(w, dev);
      if (!peer) return drop(w, ns, dev.name, 'neigh-failed', `${dev.name} has no peer.`, pkt);
      spendTime(w, 'veth');
      record(w, ns, dev.name, 'veth',
        `The frame leaves through ${dev.name}, one end of a veth pair. Whatever enters one end comes out of the other: ${peer.dev.name} in ${where(peer.ns)}.`,
        pkt, { rule: neighRule(w, ns, dev, nexthop), table: 'neigh', ...b });
      return vethArrive(w, peer.ns, peer.dev, pkt);
    }
    case 'bridge':
      return bridgeForward(w, ns, dev, null, pkt);
    case 'ether': {
      const owner = dev.segment ? w.cluster.onSegment(dev.segment, nexthop) : undefined;
      const ons = owner ? w.cluster.netns(owner.netns) : undefined;
      const odev = ons && owner ? device(ons, owner.device) : undefined;
      if (!ons || !odev || odev.mac !== pkt.dstMac) {
        return drop(w, ns, dev.name, 'neigh-failed', `No interface on the wire has MAC ${pkt.dstMac}.`, pkt);
      }
      spendTime(w, { segment: dev.segment });
      const wire = segmentWord(dev.segment, true);
      record(w, ns, dev.name, 'wire',
        `The frame leaves ${where(ns)} through ${dev.name} onto ${wire} and reaches ${odev.name} of ${where(ons)}, whose MAC it carries.`,
        pkt, { rule: neighRule(w, ns, dev, nexthop), table: 'neigh', ...b });
      return l2Rcv(w, ons, odev, pkt);
    }
    case 'dummy':
      return drop(w, ns, dev.name, 'not-for-us', `${dev.name} is a dummy device: it only holds addresses and never sends.`, pkt);
  }
}

function vethArrive(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  if (dev.master) {
    const br = device(ns, dev.master);
    if (br) return bridgeForward(w, ns, br, dev.name, pkt);
  }
  return l2Rcv(w, ns, dev, pkt);
}

function l2Rcv(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  if (pkt.dstMac !== dev.mac && pkt.dstMac !== BROADCAST_MAC) {
    return drop(w, ns, dev.name, 'not-for-us', `${dev.name} has MAC ${dev.mac}, but the frame is for ${pkt.dstMac}, so it is ignored.`, pkt);
  }
  observePolicy(w, ns, dev.name, pkt, 'ingress');
  return ipRcv(w, ns, dev, pkt);
}

function fdbLine(mac: string, port: string, br: string) {
  return `${mac} dev ${port} master ${br}`;
}

/** A frame in a bridge: learn the source, then deliver up, forward to a known port, or flood. */
function bridgeForward(w: Walk, ns: Netns, br: Device, inPort: string | null, pkt: Pkt): Outcome {
  const learned = inPort !== null && w.st.learnFdb(ns.id, br.name, pkt.srcMac, inPort);
  const learnText = learned ? ` The bridge learns that ${pkt.srcMac} lives behind ${inPort}.` : '';
  const arrived = inPort === null ? `The node sends the frame out of the bridge ${br.name}.` : `The frame enters the bridge ${br.name} on port ${inPort}.${learnText}`;
  if (inPort !== null && pkt.dstMac === br.mac) {
    record(w, ns, br.name, 'bridge', `${arrived} Its destination MAC is ${br.name}'s own, so the bridge hands it up to ${where(ns)}'s IP stack, which routes it.`, pkt,
      { rule: `${br.mac} dev ${br.name} master ${br.name} permanent`, table: 'fdb' });
    return ipRcv(w, ns, br, pkt);
  }
  // br_netfilter (bridge-nf-call-iptables = 1, which kubeadm requires): a bridged IPv4
  // frame meets iptables PREROUTING before the bridge looks up its forwarding database.
  const bridgeNf = inPort !== null && w.cluster.netfilter(ns.id) !== undefined;
  if (bridgeNf) {
    const dst = pkt.dst;
    const pre = nfHook(w, ns, 'PREROUTING', pkt, { inDev: br.name });
    if (!pre.pass) return pre.outcome;
    if (pkt.dst !== dst) {
      record(w, ns, br.name, 'bridge', `${arrived} Its destination was rewritten on the bridge (br_netfilter), so the node routes it instead of switching it.`, pkt);
      return ipRoute(w, ns, br, pkt);
    }
  }
  let entry = w.st.getFdb(ns.id, br.name, pkt.dstMac);
  let flooded = false;
  if (!entry) {
    flooded = true;
    for (const port of bridgePorts(ns, br.name)) {
      if (port.name === inPort) continue;
      const peer = peerOf(w, port);
      if (peer?.dev.mac === pkt.dstMac) { entry = { mac: pkt.dstMac, port: port.name }; break; }
    }
    if (!entry) return drop(w, ns, br.name, 'neigh-failed', `${arrived} No port leads to ${pkt.dstMac}; the bridge floods the frame and nobody takes it.`, pkt);
  }
  if (entry.port === inPort) {
    return drop(w, ns, br.name, 'hairpin', `${arrived} The forwarding database says ${pkt.dstMac} is behind ${inPort}, the port the frame came in on. Without hairpin mode the bridge does not send it back out there.`, pkt,
      { rule: fdbLine(entry.mac, entry.port, br.name), table: 'fdb' });
  }
  const out = device(ns, entry.port);
  if (!out) return drop(w, ns, br.name, 'neigh-failed', `Port ${entry.port} is gone.`, pkt);
  const how = flooded
    ? `The bridge does not know ${pkt.dstMac} yet, so it floods the frame to every port; only ${out.name} leads to it.`
    : `The forwarding database says ${pkt.dstMac} is behind port ${out.name}, so the bridge switches the frame there (layer 2: the IP header is not touched).`;
  record(w, ns, br.name, 'bridge', `${arrived} ${how}${bridgeNf ? ' Because br_netfilter is on, iptables sees this bridged frame too (PREROUTING, FORWARD, POSTROUTING).' : ''}`, pkt, { rule: fdbLine(entry.mac, entry.port, br.name), table: 'fdb' });
  if (bridgeNf) {
    const fwd = nfHook(w, ns, 'FORWARD', pkt, { inDev: br.name, outDev: br.name });
    if (!fwd.pass) return fwd.outcome;
    const post = nfHook(w, ns, 'POSTROUTING', pkt, { inDev: br.name, outDev: br.name });
    if (!post.pass) return post.outcome;
  }
  if (!spend(w)) return drop(w, ns, br.name, 'loop', 'The walk has gone on for too many hops; podpath stops it here.', pkt);
  const peer = peerOf(w, out);
  if (!peer) return drop(w, ns, out.name, 'neigh-failed', `${out.name} has no peer.`, pkt);
  spendTime(w, 'bridge');
  record(w, ns, out.name, 'veth', `The frame leaves the bridge through port ${out.name}, the node's end of a veth pair, and comes out of ${peer.dev.name} in ${where(peer.ns)}.`, pkt);
  return vethArrive(w, peer.ns, peer.dev, pkt);
}

