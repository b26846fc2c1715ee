// Size against MTU, as the IPv4 output path checks it. A packet may leave by a device only if
// it fits that device's MTU (or the route's `mtu`, or a path MTU learned for its destination,
// for the node's own packets; forwarding ignores learned PMTUs, net.ipv4.ip_forward_use_pmtu
// = 0). A forwarded packet with DF set that does not fit is dropped with ICMP "fragmentation
// needed" (ip_forward, before the FORWARD hook). A local socket asking for DF gets EMSGSIZE.
// Otherwise the kernel splits the datagram into fragments whose payloads are multiples of 8
// bytes (ip_fragment), and the destination reassembles them.
import type { Device, Netns, Route } from '../cluster/types';
import { formatRoute } from '../cluster/route-text';
import { neighOutput } from './l2';
import { viewOf, wireSize, type Pkt } from './packet';
import { drop, record, where, type Outcome, type Walk } from './walk';

/** The largest packet output to `dst` through `dev` may send. */
export function pathMtu(w: Walk, ns: Netns, dev: Device, route: Route | undefined, dst: string, forwarded: boolean): number {
  const base = route?.mtu ?? dev.mtu;
  if (forwarded) return base;
  const learned = w.st.getPmtu(ns.id, dst);
  return learned !== undefined ? Math.min(base, learned) : base;
}

/** Where the MTU comes from, in words. */
function mtuWhy(w: Walk, ns: Netns, dev: Device, route: Route | undefined, dst: string, forwarded: boolean): string {
  if (!forwarded && w.st.getPmtu(ns.id, dst) === pathMtu(w, ns, dev, route, dst, forwarded) && w.st.getPmtu(ns.id, dst) !== (route?.mtu ?? dev.mtu)) {
    return `the path MTU ${w.st.getPmtu(ns.id, dst)} this namespace learned for ${dst}`;
  }
  return route?.mtu !== undefined ? `the route's mtu ${route.mtu}` : `${dev.name}'s MTU ${dev.mtu}`;
}

/** A socket's DF choice at output (IP_MTU_DISCOVER), and a SYN's MSS from the route's MTU. */
export function prepareOutput(w: Walk, ns: Netns, dev: Device | undefined, route: Route, pkt: Pkt): string {
  if (!dev || pkt.encap) return '';
  const mtu = pathMtu(w, ns, dev, route, pkt.dst, false);
  switch (pkt.pmtudisc) {
    case 'do': pkt.df = true; break;
    case 'dont': pkt.df = false; break;
    case 'want': pkt.df = pkt.proto === 'tcp' || wireSize(pkt) <= mtu; break;
    case undefined: break;
  }
  if (pkt.proto === 'tcp' && (pkt.flags === 'SYN' || pkt.flags === 'SYN ACK')) {
    pkt.mss = mtu - 40;
    return ` The ${pkt.flags} carries the MSS option ${pkt.mss}: ${mtuWhy(w, ns, dev, route, pkt.dst, false)} minus 20 bytes of IP and 20 of TCP header, the largest segment this end will take.`;
  }
  return '';
}

/** ip_forward's check: a DF packet too big for the next hop cannot be forwarded. */
export function exceedsForwardMtu(w: Walk, ns: Netns, dev: Device, route: Route, pkt: Pkt): number | undefined {
  const mtu = pathMtu(w, ns, dev, route, pkt.dst, true);
  return pkt.df && wireSize(pkt) > mtu ? mtu : undefined;
}

export function fragNeededText(ns: Netns, dev: Device, pkt: Pkt, mtu: number): string {
  const overlay = dev.kind === 'vxlan' || dev.kind === 'ipip'
    ? ` ${dev.name} is a tunnel: it must add its own headers, so the packets it takes must be smaller than the node network's.` : '';
  return `The packet is ${wireSize(pkt)} bytes with DF (Don't Fragment) set, but it would leave ${where(ns)} through ${dev.name}, whose MTU is ${mtu}.${overlay} The router drops it and sends ${pkt.src} an ICMP "fragmentation needed" saying mtu ${mtu}, so the sender can learn the path MTU and send smaller packets.`;
}

function fragments(size: number, mtu: number): { count: number; first: number; last: number } {
  const per = Math.floor((mtu - 20) / 8) * 8;
  const payload = size - 20;
  const count = Math.ceil(payload / per);
  return { count, first: 20 + Math.min(per, payload), last: 20 + (payload - per * (count - 1)) };
}

/** ip_finish_output: fragment what does not fit (or refuse a local DF packet), then resolve the next hop and send. */
export function finishOutput(w: Walk, ns: Netns, dev: Device, nexthop: string, pkt: Pkt, route: Route | undefined, forwarded: boolean): Outcome {
  const mtu = pathMtu(w, ns, dev, route, pkt.dst, forwarded);
  const size = wireSize(pkt);
  if (size > mtu && dev.kind !== 'loopback') {
    if (pkt.df) {
      const why = mtuWhy(w, ns, dev, route, pkt.dst, forwarded);
      const text = `The packet is ${size} bytes with DF set, but ${why} allows at most ${mtu}. The kernel does not send it: the socket gets "Message too long" (EMSGSIZE)${pkt.proto === 'icmp' ? `, and ping prints "ping: local error: message too long, mtu=${mtu}"` : ''}.`;
      const refused = drop(w, ns, dev.name, 'message-too-long', text, pkt, { ...(route ? { rule: formatRoute(route) } : {}), table: 'routes' });
      return refused.kind === 'dropped' ? { ...refused, mtu } : refused;
    }
    const before = viewOf(pkt);
    const f = fragments(size, mtu);
    pkt.frag = { count: f.count * (pkt.frag?.count ?? 1), size: f.first };
    record(w, ns, dev.name, 'fragment',
      `The datagram is ${size} bytes, ${dev.name} carries at most ${mtu} and DF is not set, so the kernel splits it into ${f.count} fragments of ${f.first}${f.count > 2 ? ` … ` : ' and '}${f.last} bytes (each fragment's payload a multiple of 8 bytes, each with its own IP header). They travel the same way; the destination reassembles them.`,
      pkt, { before, ...(route ? { rule: formatRoute(route) } : {}), table: 'routes' });
  }
  return neighOutput(w, ns, dev, nexthop, pkt, forwarded);
}
