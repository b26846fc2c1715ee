// Tables as iproute2 prints them: `ip addr`, `ip route` (main table, or `table local`),
// `ip neigh` and `bridge fdb show`. Tests compare this text with real captures' format.
// Simplified: IPv6 is not modelled, so inet6 lines and the IPv6 multicast FDB entries
// (33:33:ff:…) are left out.
import type { Device, Netns } from '../cluster/types';
import { compareRoutes, formatRoute } from '../cluster/route-text';
import { fdbEntries, neighEntries, type DynState } from '../stack/state';

function flags(d: Device): string {
  switch (d.kind) {
    case 'loopback': return '<LOOPBACK,UP,LOWER_UP>';
    case 'dummy': return '<BROADCAST,NOARP>';
    default: return '<BROADCAST,MULTICAST,UP,LOWER_UP>';
  }
}

function header(d: Device): string {
  const name = d.peer && d.kind === 'veth' ? `${d.name}@if${d.peer.ifindex}` : d.name;
  const master = d.master ? ` master ${d.master}` : '';
  const state = d.kind === 'loopback' ? 'UNKNOWN' : d.kind === 'dummy' ? 'DOWN' : 'UP';
  const qdisc = d.kind === 'dummy' ? 'noop' : 'noqueue';
  const qlen = d.kind === 'loopback' || d.kind === 'bridge' || d.kind === 'dummy' ? ' qlen 1000' : '';
  return `${d.ifindex}: ${name}: ${flags(d)} mtu ${d.mtu} qdisc ${qdisc}${master} state ${state} group default${qlen}`;
}

function linkLine(ns: Netns, d: Device, podNetnsName: (id: string) => string): string {
  if (d.kind === 'loopback') return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
  let tail = '';
  if (d.peer && d.kind === 'veth') tail = ns.kind === 'pod' ? ' link-netnsid 0' : ` link-netns ${podNetnsName(d.peer.netns)}`;
  return `    link/ether ${d.mac} brd ff:ff:ff:ff:ff:ff${tail}`;
}

/** `ip addr` */
export function formatIpAddr(ns: Netns, podNetnsName: (id: string) => string): string {
  const out: string[] = [];
  for (const d of [...ns.devices].sort((a, b) => a.ifindex - b.ifindex)) {
    out.push(header(d), linkLine(ns, d, podNetnsName));
    for (const a of d.addrs) {
      const brd = a.brd ? ` brd ${a.brd}` : '';
      out.push(`    inet ${a.ip}/${a.prefix}${brd} scope ${a.scope} ${d.name}`, '       valid_lft forever preferred_lft forever');
    }
  }
  return `${out.join('\n')}\n`;
}

/** `ip route` (the main table) or `ip route show table local`. */
export function formatIpRoute(ns: Netns, table: 'main' | 'local' = 'main'): string {
  const lines = ns.routes.filter((r) => r.table === table).sort(compareRoutes).map(formatRoute);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `ip neigh` */
export function formatIpNeigh(ns: Netns, state: DynState): string {
  const lines = neighEntries(state, ns.id).map((e) =>
    e.state === 'FAILED' || e.mac === '' ? `${e.ip} dev ${e.dev} ${e.state}` : `${e.ip} dev ${e.dev} lladdr ${e.mac} ${e.state}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const MULTICAST = ['33:33:00:00:00:01', '01:00:5e:00:00:01'];

/** `bridge fdb show`: permanent entries of the bridge and its ports, learned ones, multicast. */
export function formatBridgeFdb(ns: Netns, state: DynState): string {
  const out: string[] = [];
  for (const d of [...ns.devices].sort((a, b) => a.ifindex - b.ifindex)) {
    if (d.kind === 'loopback' || d.kind === 'dummy') continue;
    const self = MULTICAST.map((m) => `${m} dev ${d.name} self permanent`);
    if (d.kind === 'bridge') {
      out.push(...self, `${d.mac} dev ${d.name} vlan 1 master ${d.name} permanent`, `${d.mac} dev ${d.name} master ${d.name} permanent`);
    } else if (d.master) {
      out.push(`${d.mac} dev ${d.name} vlan 1 master ${d.master} permanent`, `${d.mac} dev ${d.name} master ${d.master} permanent`);
      for (const e of fdbEntries(state, ns.id, d.master)) if (e.port === d.name) out.push(`${e.mac} dev ${d.name} master ${d.master}`);
      out.push(...self);
    } else {
      out.push(...self);
    }
  }
  return `${out.join('\n')}\n`;
}
