// The three commands a learner runs on an IPVS-mode node, printed as the real tools print
// them: `ipvsadm -Ln` (ipvsadm.c list_all / print_service_entry, with libipvs'
// ipvs_cmp_services / ipvs_cmp_dests ordering), `ipset list` (ipset's list format) and
// `ip addr show kube-ipvs0` (iproute2).
import { ipToInt } from '../lib/ip';
import { fnv32a } from '../lib/hash';
import type { Ipset, IpsetType, IpvsRealServer, IpvsState, IpvsVirtualServer } from './ipvs-types';

const PROTO_NUMBER = { TCP: 6, UDP: 17, SCTP: 132 } as const;

/** C's `int r = (unsigned)a - (unsigned)b`: the wraparound libipvs' comparators have. */
const cDiff = (a: number, b: number): number => (a - b) | 0;

function cmpServices(a: IpvsVirtualServer, b: IpvsVirtualServer): number {
  return (
    PROTO_NUMBER[a.protocol] - PROTO_NUMBER[b.protocol] ||
    cDiff(ipToInt(a.address), ipToInt(b.address)) ||
    a.port - b.port
  );
}

function cmpDests(a: IpvsRealServer, b: IpvsRealServer): number {
  return cDiff(ipToInt(a.address), ipToInt(b.address)) || a.port - b.port;
}

/**
 * glibc qsort() is a top-down merge sort (msort). Because libipvs' comparator wraps
 * around (192.168.x sorts before 10.x), its order is not transitive, so the exact merge
 * pattern decides the output; we use the same one.
 */
export function glibcMsort<T>(items: readonly T[], cmp: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return [...items];
  const n1 = items.length >> 1;
  const left = glibcMsort(items.slice(0, n1), cmp);
  const right = glibcMsort(items.slice(n1), cmp);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(cmp(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!);
  return out.concat(left.slice(i), right.slice(j));
}

const padEnd = (s: string | number, w: number): string => String(s).padEnd(w);

export interface IpvsConnCounts {
  /** ActiveConn / InActConn per "vsKey/realIP:port"; absent means 0. */
  readonly get: (vsKey: string, rs: IpvsRealServer) => { readonly active: number; readonly inactive: number } | undefined;
}

/** `ipvsadm -Ln` (newline-terminated). Real-server lines end in spaces, as printf leaves them. */
export function printIpvsadmLn(state: IpvsState, conns?: IpvsConnCounts): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  for (const vs of glibcMsort([...state.virtualServers.values()], cmpServices)) {
    const name = `${vs.protocol}  ${vs.address}:${vs.port}`.slice(0, 33);
    lines.push(`${name} ${vs.scheduler}${vs.persistentTimeout > 0 ? ` persistent ${vs.persistentTimeout}` : ''}`);
    for (const rs of glibcMsort(vs.realServers, cmpDests)) {
      const c = conns?.get(vs.key, rs);
      const dname = `${rs.address}:${rs.port}`.slice(0, 28);
      lines.push(
        `  -> ${padEnd(dname, 28)} ${padEnd(rs.forward, 7)} ${padEnd(rs.weight, 6)} ${padEnd(c?.active ?? 0, 10)} ${padEnd(c?.inactive ?? 0, 10)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Kernel set-type revisions as a 5.10–6.0 kernel reports them (the captures' kernels). */
const REVISION: Readonly<Record<IpsetType, number>> = {
  'hash:ip': 5,
  'hash:ip,port': 6,
  'hash:ip,port,ip': 6,
  'hash:ip,port,net': 8,
  'bitmap:port': 3,
};

/** Approximate kernel memsize: empty size + per-entry growth, fitted to real captures. */
const MEMSIZE: Readonly<Record<IpsetType, readonly [number, number]>> = {
  'hash:ip': [216, 40],
  'hash:ip,port': [200, 48],
  'hash:ip,port,ip': [208, 56],
  'hash:ip,port,net': [464, 64],
  'bitmap:port': [8264, 0],
};

export interface IpsetListOptions {
  /** The random initval the kernel picked for a hash set; default: a stable hash of the name. */
  readonly initval?: (name: string) => number;
}

function references(state: IpvsState, name: string): number {
  return state.iptablesRestore.split(`--match-set ${name} `).length - 1;
}

function printIpset(state: IpvsState, set: Ipset, opts: IpsetListOptions): string {
  const initval = (opts.initval ?? fnv32a)(set.name) >>> 0;
  const header =
    set.type === 'bitmap:port'
      ? 'range 0-65535'
      : `family inet hashsize 1024 maxelem 65536 bucketsize 12 initval 0x${initval.toString(16).padStart(8, '0')}`;
  const [base, per] = MEMSIZE[set.type];
  return [
    `Name: ${set.name}`,
    `Type: ${set.type}`,
    `Revision: ${REVISION[set.type]}`,
    `Header: ${header}`,
    `Size in memory: ${base + per * set.entries.size}`,
    `References: ${references(state, set.name)}`,
    `Number of entries: ${set.entries.size}`,
    'Members:',
    ...set.entries,
  ].join('\n');
}

/** `ipset list` (all sets) or `ipset list NAME`, newline-terminated. */
export function printIpsetList(state: IpvsState, name?: string, opts: IpsetListOptions = {}): string {
  const sets = [...state.ipsets.values()].filter((s) => name === undefined || s.name === name);
  return `${sets.map((s) => printIpset(state, s, opts)).join('\n\n')}\n`;
}

/** `ip addr show kube-ipvs0`: the dummy device kube-proxy creates, DOWN, with every VIP as a /32. */
export function printIpAddrKubeIpvs0(state: IpvsState, dev: { readonly ifindex: number; readonly mac: string }): string {
  const lines = [
    `${dev.ifindex}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default `,
    `    link/ether ${dev.mac} brd ff:ff:ff:ff:ff:ff`,
  ];
  for (const ip of state.dummyAddresses) {
    lines.push(`    inet ${ip}/32 scope global kube-ipvs0`, '       valid_lft forever preferred_lft forever');
  }
  return `${lines.join('\n')}\n`;
}
