// Tables as iproute2 prints them: `ip addr`, `ip -d link`, `ip route` (main, `table local`,
// `table all`, `show cache`), `ip rule`, `ip neigh` and `bridge fdb show`. Tests compare this
// text with real captures' format. A header line without a queue length ends in "group
// default " (iproute2 prints the group with a trailing space and qlen only when it is not 0).
// Simplified: IPv6 is not modelled, so inet6 lines and the IPv6 multicast FDB entries
// (33:33:ff:…) are left out.
import type { Device, Netns } from '../cluster/types';
import { compareRoutes, formatRoute } from '../cluster/route-text';
import { fdbEntries, neighEntries, pmtuEntries, type DynState } from '../stack/state';
import { DEVICE_KINDS } from '../stack/devices';
import { fibLookup } from '../stack/fib';
import { vxlanText } from '../stack/tunnel';

/** "eth0@if7", "tunl0@NONE", "cilium_net@cilium_host": a device's name as `ip` shows it. */
function displayName(ns: Netns, d: Device): string {
  if (d.kind === 'ipip') return `${d.name}@NONE`;
  if (d.peer && d.kind === 'veth') return d.peer.netns === ns.id ? `${d.name}@${d.peer.device}` : `${d.name}@if${d.peer.ifindex}`;
  if (d.linkPeerIfindex !== undefined) return `${d.name}@if${d.linkPeerIfindex}`;
  return d.name;
}

function header(ns: Netns, d: Device, mode: boolean): string {
  const facts = DEVICE_KINDS[d.kind].link;
  const master = d.master ? ` master ${d.master}` : '';
  const qlen = facts.qlen(d);
  return `${d.ifindex}: ${displayName(ns, d)}: ${facts.flags(d)} mtu ${d.mtu} qdisc ${facts.qdisc(d)}${master} state ${facts.state(d)}${mode ? ' mode DEFAULT' : ''} group default ${qlen ? `qlen ${qlen}` : ''}`;
}

function linkLine(ns: Netns, d: Device, podNetnsName: (id: string) => string): string {
  switch (DEVICE_KINDS[d.kind].link.linkType) {
    case 'loopback': return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
    case 'ipip': return '    link/ipip 0.0.0.0 brd 0.0.0.0';
    case 'ether': {
      let tail = '';
      if (d.peer && d.kind === 'veth' && d.peer.netns !== ns.id) tail = ns.kind === 'pod' ? ' link-netnsid 0' : ` link-netns ${podNetnsName(d.peer.netns)}`;
      if (d.linkPeerIfindex !== undefined) tail = ' link-netnsid 0';
      return `    link/ether ${d.mac} brd ff:ff:ff:ff:ff:ff${tail}`;
    }
  }
}

const byIndex = (ns: Netns) => [...ns.devices].sort((a, b) => a.ifindex - b.ifindex);

/** `ip addr` */
export function formatIpAddr(ns: Netns, podNetnsName: (id: string) => string): string {
  const out: string[] = [];
  for (const d of byIndex(ns)) {
    out.push(header(ns, d, false), linkLine(ns, d, podNetnsName));
    for (const a of d.addrs) {
      const brd = a.brd ? ` brd ${a.brd}` : '';
      out.push(`    inet ${a.ip}/${a.prefix}${brd} scope ${a.scope} ${d.name}`, '       valid_lft forever preferred_lft forever');
    }
  }
  return `${out.join('\n')}\n`;
}

/** The kind-specific line of `ip -d link` (and a bridge port's bridge_slave line). */
function detail(d: Device): string[] {
  const tail = 'addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535';
  switch (d.kind) {
    case 'vxlan': return [`    ${vxlanText(d)} udpcsum noudp6zerocsumtx noudp6zerocsumrx ${tail}`];
    case 'ipip': return [`    ipip any remote any local any ttl inherit nopmtudisc ${tail}`];
    case 'bridge': return [`    bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 vlan_protocol 802.1Q ${tail}`];
    case 'veth': return d.master
      ? ['    veth ', `    bridge_slave state forwarding priority 32 cost 2 hairpin ${d.hairpin ? 'on' : 'off'} guard off root_block off fastleave off learning on flood on ${tail}`]
      : [`    veth ${tail}`];
    case 'dummy': return [`    dummy ${tail}`];
    case 'ether': return d.linkPeerIfindex !== undefined ? [`    veth ${tail}`] : [`    ${tail}`];
    case 'loopback': return [`    ${tail}`];
  }
}

/** `ip -d link` */
export function formatIpLink(ns: Netns, podNetnsName: (id: string) => string): string {
  const out: string[] = [];
  for (const d of byIndex(ns)) {
    const promisc = d.promisc ? 1 : 0;
    const mtus = d.kind === 'loopback' || d.kind === 'ipip' || d.kind === 'dummy' ? 'minmtu 0 maxmtu 0' : 'minmtu 68 maxmtu 65535';
    out.push(header(ns, d, true), `${linkLine(ns, d, podNetnsName)} promiscuity ${promisc}  allmulti 0 ${mtus} `, ...detail(d));
  }
  return `${out.join('\n')}\n`;
}

/** `ip route` (the main table) or `ip route show table local`. */
export function formatIpRoute(ns: Netns, table: 'main' | 'local' = 'main'): string {
  const lines = ns.routes.filter((r) => r.table === table).sort(compareRoutes).map((r) => formatRoute(r));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `ip route show table all`: numbered tables first, then main, then local, each route naming its table unless main. */
export function formatIpRouteAll(ns: Netns): string {
  const tables = [...new Set(ns.routes.map((r) => r.table))];
  const order = (t: Netns['routes'][number]['table']) => (typeof t === 'number' ? t : t === 'default' ? 253 : t === 'main' ? 254 : 255);
  const lines: string[] = [];
  for (const t of tables.sort((a, b) => order(a) - order(b))) {
    for (const r of ns.routes.filter((x) => x.table === t).sort(compareRoutes)) lines.push(formatRoute(r, true));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `ip route show cache`: the route exceptions (path MTUs) the namespace learned. */
export function formatRouteCache(ns: Netns, state: DynState): string {
  // rt_fill_info() for a next-hop exception: the destination, the gateway and device of the route
  // it hangs off, then iproute2's "\n    cache " line with expires and the learned mtu, each field
  // followed by a space (ip/iproute.c print_cache_flags, print_rta_cacheinfo, print_rta_metrics).
  const lines = pmtuEntries(state, ns.id).map((e) => routeCacheEntry(ns, e.dst, e.mtu, e.expires));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** One entry of `ip route show cache`: two lines, each field with its trailing space. */
export function routeCacheEntry(ns: Netns, dst: string, mtu: number, expires: number): string {
  const r = fibLookup(ns, dst);
  const via = r?.via ? `via ${r.via} ` : '';
  const dev = r?.dev ? `dev ${r.dev} ` : '';
  const table = r && r.table !== 'main' ? `table ${r.table} ` : '';
  return `${dst} ${via}${dev}${table}\n    cache expires ${expires}sec mtu ${mtu} `;
}

/** `ip neigh`: the entries programs installed (PERMANENT), then what ARP learned. */
export function formatIpNeigh(ns: Netns, state: DynState): string {
  const fixed = ns.neigh.map((e) => `${e.ip} dev ${e.dev} lladdr ${e.mac} PERMANENT`);
  const learned = neighEntries(state, ns.id).map((e) =>
    e.state === 'FAILED' || e.mac === '' ? `${e.ip} dev ${e.dev} ${e.state}` : `${e.ip} dev ${e.dev} lladdr ${e.mac} ${e.state}`);
  const lines = [...fixed, ...learned];
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const MULTICAST = ['33:33:00:00:00:01', '01:00:5e:00:00:01'];

/** `bridge fdb show`: permanent entries of the bridges and their ports, learned ones (with iproute2's trailing space), VXLAN entries, multicast. */
export function formatBridgeFdb(ns: Netns, state: DynState): string {
  const out: string[] = [];
  for (const d of byIndex(ns)) {
    if (d.kind === 'loopback' || d.kind === 'dummy' || d.kind === 'ipip') continue;
    const self = MULTICAST.map((m) => `${m} dev ${d.name} self permanent`);
    if (d.kind === 'bridge') {
      out.push(...self, `${d.mac} dev ${d.name} vlan 1 master ${d.name} permanent`, `${d.mac} dev ${d.name} master ${d.name} permanent`);
    } else if (d.master) {
      out.push(`${d.mac} dev ${d.name} vlan 1 master ${d.master} permanent`, `${d.mac} dev ${d.name} master ${d.master} permanent`);
      for (const e of fdbEntries(state, ns.id, d.master)) if (e.port === d.name) out.push(`${e.mac} dev ${d.name} master ${d.master} `);
      out.push(...self);
    } else if (d.kind === 'vxlan') {
      out.push(...ns.fdb.filter((f) => f.dev === d.name).map((f) => `${f.mac} dev ${f.dev} dst ${f.dst} self permanent`));
    } else {
      out.push(...self);
    }
  }
  return `${out.join('\n')}\n`;
}
