// The Linux bridge: it learns source MACs per port, forwards by its FDB, floods unknown
// destinations, hands frames for its own MAC up to the node's stack, and never sends a frame
// back out of the port it came in on unless that port is in hairpin mode (a promiscuous
// bridge hands such a frame up to its own stack instead). With br_netfilter
// (bridge-nf-call-iptables = 1, which kubeadm requires) a bridged IPv4 frame meets iptables
// PREROUTING before the forwarding decision; if that DNATs it to an address on the same
// bridge, the frame stays on layer 2 (br_nf_pre_routing_finish: only its destination MAC is
// rewritten, so TTL and source MAC are kept); to anywhere else it goes up to be routed.
import type { Device, Netns } from '../cluster/types';
import { device, fibLookup } from './fib';
import { ipRcv, ipRoute } from './ip';
import { nfHook } from './hooks';
import { viewOf, type Pkt } from './packet';
import { drop, record, spend, where, type Outcome, type Walk } from './walk';
import { spendTime } from './latency';
import { arrive, hasAddr, peerOf, tooLong, type Responder } from './l2';
import { DEVICE_KINDS } from './devices';

function bridgePorts(ns: Netns, bridge: string): Device[] {
  return ns.devices.filter((d) => d.master === bridge);
}

/** Who answers an ARP request for `target` sent by `senderMac` into this bridge's domain (from `inPort`, or from the bridge itself). */
export function askBridge(w: Walk, ns: Netns, br: Device, inPort: string | null, senderMac: string, target: string): Responder | undefined {
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

function fdbLine(mac: string, port: string, br: string) {
  return `${mac} dev ${port} master ${br}`;
}

/** The node sends a frame out of the bridge device (br_dev_xmit). */
export function bridgeXmit(w: Walk, ns: Netns, br: Device, _nexthop: string, pkt: Pkt): Outcome {
  w.pendingBefore = undefined;
  return bridgeForward(w, ns, br, null, pkt);
}

/** br_netfilter after PREROUTING DNAT: the new destination's MAC, when it is on this same bridge (neigh_hh_bridge). */
function bridgedDnat(w: Walk, ns: Netns, br: Device, pkt: Pkt): string | undefined {
  const r = fibLookup(ns, pkt.dst, { src: pkt.src, mark: pkt.mark, iif: br.name });
  if (r?.dev !== br.name || r.type !== 'unicast') return undefined;
  const nexthop = r.via ?? pkt.dst;
  const known = w.st.getNeigh(ns.id, br.name, nexthop);
  if (known && known.state !== 'FAILED') return known.mac;
  const answer = DEVICE_KINDS.bridge.neighbour(w, ns, br, nexthop);
  if (!answer) return undefined;
  w.st.setNeigh(ns.id, { ip: nexthop, dev: br.name, mac: answer.dev.mac, state: 'REACHABLE' });
  return answer.dev.mac;
}

/** A frame in a bridge: learn the source, then deliver up, forward to a known port, or flood. */
export function bridgeForward(w: Walk, ns: Netns, br: Device, inPort: string | null, pkt: Pkt): Outcome {
  const learned = inPort !== null && w.st.learnFdb(ns.id, br.name, pkt.srcMac, inPort);
  const learnText = learned ? ` The bridge learns that ${pkt.srcMac} lives behind ${inPort}.` : '';
  const arrived = inPort === null ? `The node sends the frame out of the bridge ${br.name}.` : `The frame enters the bridge ${br.name} on port ${inPort}.${learnText}`;
  const bridgeNf = inPort !== null && w.cluster.netfilter(ns.id) !== undefined;
  let intro = arrived;
  if (bridgeNf) {
    // br_netfilter: iptables PREROUTING sees every IPv4 frame entering the bridge, before the bridge decides.
    const dst = pkt.dst;
    const pre = nfHook(w, ns, 'PREROUTING', pkt, { inDev: br.name });
    if (!pre.pass) return pre.outcome;
    if (pkt.dst !== dst) {
      const before = viewOf(pkt);
      const mac = bridgedDnat(w, ns, br, pkt);
      if (mac === undefined) {
        pkt.dstMac = br.mac;
        record(w, ns, br.name, 'bridge', `${arrived} Its destination was rewritten on the bridge (br_netfilter), and the new destination ${pkt.dst} is not on ${br.name}, so the frame goes up to ${where(ns)}'s IP stack to be routed.`, pkt);
        return ipRoute(w, ns, br, pkt);
      }
      pkt.dstMac = mac;
      intro = `${arrived} iptables rewrote its destination to ${pkt.dst}, which is on this same bridge, so br_netfilter keeps the frame on layer 2: it only puts ${pkt.dst}'s MAC ${mac} in the Ethernet header. The TTL is not lowered and the source MAC is still the sender's: the frame is switched, not routed.`;
      record(w, ns, br.name, 'bridge', intro, pkt, { before, rule: `${pkt.dst} dev ${br.name} lladdr ${mac} REACHABLE`, table: 'neigh' });
      intro = `The frame is back in the bridge ${br.name}.`;
    } else if (pkt.dstMac === br.mac) {
      record(w, ns, br.name, 'bridge', `${arrived} Its destination MAC is ${br.name}'s own, so the bridge hands it up to ${where(ns)}'s IP stack, which routes it.`, pkt,
        { rule: `${br.mac} dev ${br.name} master ${br.name} permanent`, table: 'fdb' });
      return ipRoute(w, ns, br, pkt);
    }
  } else if (inPort !== null && pkt.dstMac === br.mac) {
    record(w, ns, br.name, 'bridge', `${arrived} Its destination MAC is ${br.name}'s own, so the bridge hands it up to ${where(ns)}'s IP stack, which routes it.`, pkt,
      { rule: `${br.mac} dev ${br.name} master ${br.name} permanent`, table: 'fdb' });
    return ipRcv(w, ns, br, pkt);
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
    if (!entry) return drop(w, ns, br.name, 'neigh-failed', `${intro} No port leads to ${pkt.dstMac}; the bridge floods the frame and nobody takes it.`, pkt);
  }
  const out = device(ns, entry.port);
  if (!out) return drop(w, ns, br.name, 'neigh-failed', `Port ${entry.port} is gone.`, pkt);
  const fdb = { rule: fdbLine(entry.mac, entry.port, br.name), table: 'fdb' };
  let hairpin = '';
  if (entry.port === inPort) {
    if (br.promisc) {
      record(w, ns, br.name, 'bridge', `${intro} The forwarding database says ${pkt.dstMac} is behind ${inPort}, the port the frame came in on, and the port is not in hairpin mode. But ${br.name} is promiscuous, so it also hands every frame up to ${where(ns)}'s IP stack, which routes this one back out through ${br.name} (a routed hop: the TTL drops and the source MAC becomes ${br.name}'s).`, pkt, fdb);
      return ipRoute(w, ns, br, pkt);
    }
    if (!out.hairpin) {
      return drop(w, ns, br.name, 'hairpin', `${intro} The forwarding database says ${pkt.dstMac} is behind ${inPort}, the port the frame came in on. Without hairpin mode on that port the bridge does not send it back out there.`, pkt, fdb);
    }
    hairpin = ` ${inPort} is in hairpin mode, so the bridge may send the frame back out of the port it came in on.`;
  }
  const how = hairpin ? `The forwarding database says ${pkt.dstMac} is behind ${out.name}.${hairpin}`
    : flooded
      ? `The bridge does not know ${pkt.dstMac} yet, so it floods the frame to every port; only ${out.name} leads to it.`
      : `The forwarding database says ${pkt.dstMac} is behind port ${out.name}, so the bridge switches the frame there (layer 2: the IP header is not touched).`;
  record(w, ns, br.name, 'bridge', `${intro} ${how}${bridgeNf ? ' Because br_netfilter is on, iptables sees this bridged frame too (PREROUTING, FORWARD, POSTROUTING).' : ''}`, pkt, fdb);
  if (bridgeNf) {
    const fwd = nfHook(w, ns, 'FORWARD', pkt, { inDev: br.name, outDev: br.name });
    if (!fwd.pass) return fwd.outcome;
    const post = nfHook(w, ns, 'POSTROUTING', pkt, { inDev: br.name, outDev: br.name });
    if (!post.pass) return post.outcome;
  }
  if (!spend(w)) return tooLong(w, ns, br.name, pkt);
  const peer = peerOf(w, out);
  if (!peer) return drop(w, ns, out.name, 'neigh-failed', `${out.name} has no peer.`, pkt);
  spendTime(w, 'bridge');
  record(w, ns, out.name, 'veth', `The frame leaves the bridge through port ${out.name}, the node's end of a veth pair, and comes out of ${peer.dev.name} in ${where(peer.ns)}.`, pkt);
  return arrive(w, peer.ns, peer.dev, pkt);
}
