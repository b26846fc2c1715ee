// Layer 3: the IPv4 output path of a locally generated packet, the receive path (local
// delivery or forwarding with the TTL lowered), and local delivery to a listening socket
// or the kernel's own answer (ICMP echo, TCP RST, ICMP port unreachable). Route lookups go
// through the policy rules (fib.ts); sizes are checked against MTUs (mtu.ts); tunnel
// endpoints take their packets before the sockets do (tunnel.ts).
import type { Device, Netns, Route } from '../cluster/types';
import { formatRoute } from '../cluster/route-text';
import { device, fibResolve, hasPolicyRules, type FibKey } from './fib';
import { nfHook } from './hooks';
import { DEFAULT_TTL, viewOf, type Pkt } from './packet';
import { drop, dropWithError, record, recording, where, Where, type HopOpts, type Outcome, type Walk } from './walk';
import { deliverLocal } from './deliver';
import { kernelRefusal, mayAnswer, type IcmpError } from './answer';
import type { DropCode } from '../trace/drops';
import { observePolicy } from '../policy/observe';
import { exceedsForwardMtu, finishOutput, fragNeededText, prepareOutput } from './mtu';
import { tunnelRcv } from './tunnel';
import { formatRule } from '../format/rule-text';
import { routeCacheEntry } from '../format/iproute';
import { PMTU_EXPIRES } from './state';

/**
 * A router's drop that the sender hears about (ip_error / icmp_send): the ICMP error goes
 * back from this namespace. A packet this namespace sent itself fails in its socket instead.
 */
function routerDrop(w: Walk, ns: Netns, dev: string, code: DropCode, text: string, pkt: Pkt, icmp: IcmpError, o: HopOpts, forwarded: boolean, mtu?: number): Outcome {
  if (!forwarded || !mayAnswer(pkt)) return drop(w, ns, dev, code, text, pkt, o);
  return dropWithError(w, ns, dev, code, text, pkt, kernelRefusal(ns, pkt, icmp, mtu), o);
}

function routeDrop(w: Walk, ns: Netns, dev: string, r: Route, pkt: Pkt, forwarded: boolean): Outcome | undefined {
  if (r.type !== 'blackhole' && r.type !== 'unreachable' && r.type !== 'prohibit') return undefined;
  const o = { rule: formatRoute(r), table: 'routes' };
  switch (r.type) {
    case 'blackhole': return drop(w, ns, dev, 'blackhole', `The route for ${pkt.dst} is a blackhole: the packet is discarded without a word.`, pkt, o);
    case 'unreachable':
      return routerDrop(w, ns, dev, 'unreachable-route', forwarded
        ? `The route for ${pkt.dst} is "unreachable": the kernel discards the packet and sends ${pkt.src} an ICMP "host unreachable".`
        : `The route for ${pkt.dst} is "unreachable": the socket gets "No route to host" at once.`, pkt, 'host-unreachable', o, forwarded);
    case 'prohibit':
      return routerDrop(w, ns, dev, 'unreachable-route', forwarded
        ? `The route for ${pkt.dst} is "prohibit": the kernel discards the packet and sends ${pkt.src} an ICMP "administratively prohibited".`
        : `The route for ${pkt.dst} is "prohibit": the socket gets "Permission denied" at once.`, pkt, 'admin-prohibited', o, forwarded);
  }
}

function describeRoute(r: Route, dst: string): string {
  if (r.type === 'local') return `${dst} is an address of this namespace (local table)`;
  const table = typeof r.table === 'number' ? ` in table ${r.table}` : '';
  if (r.dst.prefix === 0) return `no more specific route matches ${dst}${table ? ` in table ${r.table}` : ''}, so the default route applies: next hop ${r.via ?? dst} on ${r.dev}`;
  if (r.via) return `${dst} is in ${formatRoute(r).split(' ')[0]}${table}, reached through the gateway ${r.via} on ${r.dev}`;
  return `${dst} is in ${formatRoute(r).split(' ')[0]}${table}, directly connected on ${r.dev}, so the next hop is ${dst} itself`;
}

/** The route for a packet, through the policy rules; the rule is named when rules beyond the defaults decided. */
function lookup(ns: Netns, pkt: Pkt, key: FibKey): { route: Route; ruleText: string } | undefined {
  const res = fibResolve(ns, pkt.dst, key);
  if (!res) return undefined;
  const ruleText = hasPolicyRules(ns) && res.route.table !== 'local' ? ` (ip rule ${formatRule(res.rule)})` : '';
  return { route: res.route, ruleText };
}

function routeRule(r: Route): string {
  return `${formatRoute(r)}${typeof r.table === 'number' ? ` table ${r.table}` : ''}`;
}

/** A packet created in `ns` (by a socket, or by a tunnel device wrapping one): route, OUTPUT, POSTROUTING, then the device. */
export function ipOutput(w: Walk, ns: Netns, pkt: Pkt): Outcome {
  const found = lookup(ns, pkt, { src: pkt.src, mark: pkt.mark });
  if (!found) return drop(w, ns, '', 'no-route', `No route in ${where(ns)} covers ${pkt.dst}: the socket gets "Network is unreachable".`, pkt, { table: 'routes' });
  const r = found.route;
  const dead = routeDrop(w, ns, r.dev ?? '', r, pkt, false);
  if (dead) return dead;
  const mss = prepareOutput(w, ns, device(ns, r.type === 'local' ? 'lo' : r.dev), r, pkt);
  if (recording(w)) record(w, ns, r.dev ?? '', 'route', `Route lookup in ${where(ns)}${found.ruleText}: ${describeRoute(r, pkt.dst)}.${mss}`, pkt, { rule: routeRule(r), table: 'routes' });
  observePolicy(w, ns, r.dev ?? '', pkt, 'egress');
  return localOut(w, ns, pkt, r);
}

/** LOCAL_OUT onwards: the OUTPUT hook (re-routing if it changed the destination), POSTROUTING, the device. */
function localOut(w: Walk, ns: Netns, pkt: Pkt, first: Route): Outcome {
  let r = first;
  const dst = pkt.dst;
  const out = nfHook(w, ns, 'OUTPUT', pkt, { outDev: r.type === 'local' ? 'lo' : r.dev });
  if (!out.pass) return out.outcome;
  if (pkt.dst !== dst) {
    const again = lookup(ns, pkt, { src: pkt.src, mark: pkt.mark });
    if (!again) return drop(w, ns, '', 'no-route', `After NAT, no route in ${where(ns)} covers ${pkt.dst}.`, pkt, { table: 'routes' });
    r = again.route;
    record(w, ns, r.dev ?? '', 'route', `The destination changed on the way out, so ${where(ns)} looks the route up again${again.ruleText}: ${describeRoute(r, pkt.dst)}.`, pkt, { rule: routeRule(r), table: 'routes' });
  }
  const dev = device(ns, r.type === 'local' ? 'lo' : r.dev);
  if (!dev) return drop(w, ns, r.dev ?? '', 'no-route', `The route names device ${r.dev}, which does not exist.`, pkt);
  const post = nfHook(w, ns, 'POSTROUTING', pkt, { outDev: dev.name });
  if (!post.pass) return post.outcome;
  return finishOutput(w, ns, dev, r.type === 'local' ? pkt.dst : r.via ?? pkt.dst, pkt, r, false);
}

/** A packet that arrived on `dev` of `ns`: PREROUTING, then deliver locally or forward. */
export function ipRcv(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  const pre = nfHook(w, ns, 'PREROUTING', pkt, { inDev: dev.name });
  if (!pre.pass) return pre.outcome;
  return ipRoute(w, ns, dev, pkt);
}

/** icmp_unreach: a "fragmentation needed" teaches this namespace the path MTU to the destination it quotes. */
function learnPmtu(w: Walk, ns: Netns, dev: Device, pkt: Pkt): void {
  if (pkt.proto !== 'icmp' || pkt.flags !== 'frag-needed' || !pkt.inner || pkt.icmpMtu === undefined) return;
  const dst = pkt.inner.dst;
  if (w.st.getPmtu(ns.id, dst) === pkt.icmpMtu) return;
  w.st.setPmtu(ns.id, dst, pkt.icmpMtu);
  record(w, ns, dev.name, 'route',
    `The ICMP "fragmentation needed" says the path to ${dst} carries at most ${pkt.icmpMtu} bytes, so the kernel of ${where(ns)} stores that path MTU with the route (a route exception, kept for 10 minutes): its next packets to ${dst} are sent no bigger.`,
    pkt, { rule: routeCacheEntry(ns, dst, pkt.icmpMtu, PMTU_EXPIRES), table: 'routes-cache' });
}

/** The input routing decision after PREROUTING: up to a socket, or forward. */
export function ipRoute(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  const found = lookup(ns, pkt, { src: pkt.src, mark: pkt.mark, iif: dev.name });
  const r = found?.route;
  if (r && (r.type === 'local' || r.type === 'broadcast')) {
    if (dev.kind !== 'loopback') {
      const reasm = pkt.frag ? ` Its ${pkt.frag.count} fragments are reassembled into the ${pkt.size}-byte datagram first.` : '';
      if (pkt.frag) pkt.frag = undefined;
      if (recording(w)) record(w, ns, dev.name, 'route', `Route lookup in ${where(ns)}: ${describeRoute(r, pkt.dst)}, so the packet is for this namespace and goes up to its sockets.${reasm}`, pkt, { rule: formatRoute(r), table: 'routes' });
    }
    const inp = nfHook(w, ns, 'INPUT', pkt, { inDev: dev.name });
    if (!inp.pass) return inp.outcome;
    if (inp.redirect) {
      // IPVS rewrote the destination and sends the packet out again from this node.
      const again = lookup(ns, pkt, { src: pkt.src, mark: pkt.mark });
      if (!again) return drop(w, ns, dev.name, 'no-route', `No route in ${where(ns)} covers ${pkt.dst}.`, pkt, { table: 'routes' });
      record(w, ns, again.route.dev ?? '', 'route', `Route lookup for the real server${again.ruleText}: ${describeRoute(again.route, pkt.dst)}.`, pkt, { rule: routeRule(again.route), table: 'routes' });
      return localOut(w, ns, pkt, again.route);
    }
    const tunnel = tunnelRcv(w, ns, dev, pkt);
    if (tunnel) return tunnel;
    learnPmtu(w, ns, dev, pkt);
    return deliverLocal(w, ns, dev, pkt);
  }
  if (!ns.forwarding) {
    return drop(w, ns, dev.name, 'forwarding-disabled', `${pkt.dst} is not an address of ${where(ns)}, and this namespace does not forward packets (net.ipv4.ip_forward = 0).`, pkt);
  }
  if (!r) {
    return routerDrop(w, ns, dev.name, 'no-route', `${Where(ns)} would forward the packet, but no route covers ${pkt.dst}. It drops the packet and tells the sender "network unreachable" (ICMP).`, pkt, 'net-unreachable', { table: 'routes' }, true);
  }
  const dead = routeDrop(w, ns, dev.name, r, pkt, true);
  if (dead) return dead;
  if (pkt.ttl <= 1) {
    return routerDrop(w, ns, dev.name, 'ttl-exceeded', `${Where(ns)} would forward the packet, but its TTL is ${pkt.ttl}: forwarding would make it 0. The packet is discarded and an ICMP "time exceeded" goes back to ${pkt.src}. traceroute sends packets with a small TTL on purpose to find the routers; otherwise a TTL this low means the packet has been going round in circles.`, pkt, 'time-exceeded', { rule: formatRoute(r), table: 'routes' }, true);
  }
  const out = device(ns, r.dev);
  if (!out) return drop(w, ns, r.dev ?? '', 'no-route', `The route names device ${r.dev}, which does not exist.`, pkt);
  const tooBig = exceedsForwardMtu(w, ns, out, r, pkt);
  if (tooBig !== undefined) {
    return routerDrop(w, ns, dev.name, 'frag-needed', fragNeededText(ns, out, pkt, tooBig), pkt, 'frag-needed', { rule: routeRule(r), table: 'routes' }, true, tooBig);
  }
  const before = recording(w) ? viewOf(pkt) : undefined;
  pkt.ttl -= 1;
  if (before) {
    record(w, ns, dev.name, 'route',
      `${pkt.dst} is not an address of ${where(ns)}, and it forwards packets (ip_forward = 1). Route lookup${found!.ruleText}: ${describeRoute(r, pkt.dst)}. Forwarding lowers the TTL from ${before.ttl} to ${pkt.ttl}; the IP addresses stay as they are.`,
      pkt, { rule: routeRule(r), table: 'routes', before });
  }
  const fwd = nfHook(w, ns, 'FORWARD', pkt, { inDev: dev.name, outDev: r.dev });
  if (!fwd.pass) return fwd.outcome;
  const post = nfHook(w, ns, 'POSTROUTING', pkt, { inDev: dev.name, outDev: out.name });
  if (!post.pass) return post.outcome;
  return finishOutput(w, ns, out, r.via ?? pkt.dst, pkt, r, true);
}

/** Sizes a packet has when nothing else says: a SYN with Linux's options 60 bytes (MSS, SACK, timestamps, window scale), a bare ACK or RST 40, a segment with timestamps 52 plus data, a UDP header 28, ping's default 84. */
export function defaultSize(proto: Pkt['proto'], flags: string): number {
  switch (proto) {
    case 'tcp': return flags === 'SYN' || flags === 'SYN ACK' ? 60 : flags.startsWith('RST') ? 40 : 52;
    case 'udp': return 28;
    // IP 20, SCTP's common header 12, the chunk's fixed part: INIT and INIT ACK 20 (optional parameters and the state cookie not counted), ABORT 4.
    case 'sctp': return flags === 'ABORT' ? 36 : 52;
    case 'icmp': return 84;
    case 'ipip': return 20;
  }
}

export function newPacket(src: string, dst: string, proto: Pkt['proto'], sport: number, dport: number, flags: string): Pkt {
  return {
    srcMac: '', dstMac: '', src, dst, proto, sport, dport, ttl: DEFAULT_TTL, flags, mark: 0,
    // A socket's default is IP_PMTUDISC_WANT: DF set on whatever fits the path (ip_output decides);
    // the kernel's own ICMP socket answers with IP_PMTUDISC_DONT (icmp_sk_init), so without DF.
    size: defaultSize(proto, flags), ...(proto === 'icmp' && flags !== 'echo-request' ? { df: false, pmtudisc: 'dont' as const } : { df: true, pmtudisc: 'want' as const }),
  };
}
