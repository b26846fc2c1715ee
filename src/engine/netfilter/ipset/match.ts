// `-m set --match-set NAME dir[,dir...]` as the kernel's xt_set tests it, and the entry
// spelling `ipset list` prints (which kube-proxy's Entry.String() also produces): the helper
// the iptables evaluator calls through NfEnv.ipsetTest.
import { assertNever } from '../../lib/assert';
import { cidrContains, ipToInt, parseCidr, type Cidr } from '../../lib/ip';
import type { NfPacket } from '../eval-types';
import type { Ipset } from './types';

/** Entry.String() of a hash:ip,port entry: "10.96.0.10,udp:53". */
export function ipPortEntry(ip: string, proto: string, port: number): string {
  return `${ip},${proto}:${port}`;
}

/** Entry.String() of hash:ip,port,ip and hash:ip,port,net entries. */
export function ipPortIpEntry(ip: string, proto: string, port: number, third: string): string {
  return `${ip},${proto}:${port},${third}`;
}

type Field = 'src' | 'dst';

function addrOf(pkt: NfPacket, f: string | undefined): string {
  return f === 'src' ? pkt.src : pkt.dst;
}

function portOf(pkt: NfPacket, f: string | undefined): number {
  return f === 'src' ? pkt.sport : pkt.dport;
}

const PORT_PROTOS: ReadonlySet<string> = new Set(['tcp', 'udp', 'sctp']);

/** "ip,proto:port" heads of hash:ip,port,net entries, with their nets (built once per set). */
const netIndex = new WeakMap<Ipset, Map<string, Cidr[]>>();

function netsOf(set: Ipset, head: string): readonly Cidr[] {
  let index = netIndex.get(set);
  if (index === undefined) {
    index = new Map();
    for (const e of set.entries) {
      const at = e.lastIndexOf(',');
      const k = e.slice(0, at);
      index.set(k, [...(index.get(k) ?? []), parseCidr(e.slice(at + 1))]);
    }
    netIndex.set(set, index);
  }
  return index.get(head) ?? [];
}

/** A hash:net set read once: its single addresses (a /32 or a bare address) by number, and its wider nets. */
interface NetSet { readonly hosts: ReadonlySet<number>; readonly nets: readonly Cidr[] }

const netSets = new WeakMap<Ipset, NetSet>();

function netSetOf(set: Ipset): NetSet {
  let s = netSets.get(set);
  if (s === undefined) {
    const hosts = new Set<number>();
    const nets: Cidr[] = [];
    for (const e of set.entries) {
      const c = parseCidr(e.includes('/') ? e : `${e}/32`);
      if (c.prefix === 32) hosts.add(c.net); else nets.push(c);
    }
    s = { hosts, nets };
    netSets.set(set, s);
  }
  return s;
}

/**
 * `-m set --match-set <name> <flags>`: is the packet in the set? flags are the
 * comma-separated directions of the match ("dst,dst" → ['dst', 'dst']), one per set
 * dimension. Port dimensions only match TCP, UDP and SCTP packets.
 */
export function ipsetTest(
  sets: ReadonlyMap<string, Ipset>,
  name: string,
  flags: readonly string[],
  pkt: NfPacket,
): boolean {
  const set = sets.get(name);
  if (set === undefined) return false;
  const [f1, f2, f3] = flags as readonly (Field | undefined)[];
  switch (set.type) {
    case 'hash:ip':
      return set.entries.has(addrOf(pkt, f1));
    case 'hash:net': {
      const ip = ipToInt(addrOf(pkt, f1));
      const s = netSetOf(set);
      return s.hosts.has(ip) || s.nets.some((c) => cidrContains(c, ip));
    }
    case 'bitmap:port':
      return PORT_PROTOS.has(pkt.proto) && set.entries.has(String(portOf(pkt, f1)));
    case 'hash:ip,port':
      return PORT_PROTOS.has(pkt.proto) && set.entries.has(ipPortEntry(addrOf(pkt, f1), pkt.proto, portOf(pkt, f2)));
    case 'hash:ip,port,ip':
      return (
        PORT_PROTOS.has(pkt.proto) &&
        set.entries.has(ipPortIpEntry(addrOf(pkt, f1), pkt.proto, portOf(pkt, f2), addrOf(pkt, f3)))
      );
    case 'hash:ip,port,net': {
      if (!PORT_PROTOS.has(pkt.proto)) return false;
      const ip = ipToInt(addrOf(pkt, f3));
      return netsOf(set, ipPortEntry(addrOf(pkt, f1), pkt.proto, portOf(pkt, f2))).some((n) => cidrContains(n, ip));
    }
    default:
      return assertNever(set.type, 'ipset type');
  }
}
