// The three commands a learner runs on an IPVS-mode node, printed as the real tools print
// them: `ipvsadm -Ln` (ipvsadm.c list_all / print_service_entry, with libipvs'
// ipvs_cmp_services / ipvs_cmp_dests ordering), `ipset list` (ipset's list format) and
// `ip addr show kube-ipvs0` (iproute2).
import { ipToInt } from '../../lib/ip';
import { printIpsets, type IpsetListOptions } from '../ipset/print';
import type { IpvsRealServer, IpvsState, IpvsVirtualServer } from './types';

export type { IpsetListOptions } from '../ipset/print';

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

/** `ipset list` (all sets) or `ipset list NAME` on a node in IPVS mode, newline-terminated. */
export function printIpsetList(state: IpvsState, name?: string, opts: IpsetListOptions = {}): string {
  return printIpsets([...state.ipsets.values()], state.iptablesRestore, name, opts);
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
