// What every network namespace is built from: the loopback device, an address with its
// broadcast, the connected route the kernel adds for it, the local table it derives from
// the addresses, and the last step that applies the scenario's route edits.
import { nthAddress, parseCidr, type Cidr } from '../lib/ip';
import { applyRouteEdits } from './route-edits';
import { DEFAULT_RULES } from '../stack/fib';
import type { Address, Cluster, Device, IpRule, Netns, NetnsId, NetnsShape, Route, StaticFdb, StaticNeigh } from './types';

export { NODE_SEGMENT, INTERNET_SEGMENT } from './segments';
export const GATEWAY_NETNS: NetnsId = 'router/gateway';
export const GATEWAY_INTERNET_IP = '192.0.2.1';

export const nodeNetnsId = (node: string): NetnsId => `node/${node}`;
export const podNetnsId = (podKey: string): NetnsId => `pod/${podKey}`;
export const outsideNetnsId = (host: string): NetnsId => `host/${host}`;

export const LO: Device = {
  name: 'lo', ifindex: 1, kind: 'loopback', mac: '00:00:00:00:00:00', mtu: 65536,
  addrs: [{ ip: '127.0.0.1', prefix: 8, scope: 'host' }], up: true,
};

const bcast = (c: Cidr) => nthAddress(c, 2 ** (32 - c.prefix) - 1);

export function addr(ip: string, prefix: number): Address {
  const c = parseCidr(`${ip}/${prefix}`);
  return { ip, prefix, scope: 'global', brd: prefix < 31 ? bcast(c) : undefined };
}

export function connected(dev: string, a: Address): Route {
  return { table: 'main', type: 'unicast', dst: parseCidr(`${a.ip}/${a.prefix}`), dev, proto: 'kernel', scope: 'link', src: a.ip };
}

/** The kernel's local table: one `local` route per address, `broadcast` for each brd. */
export function localTable(devices: readonly Device[]): Route[] {
  const out: Route[] = [];
  for (const d of devices) {
    for (const a of d.addrs) {
      if (d.kind === 'loopback') {
        out.push({ table: 'local', type: 'local', dst: parseCidr('127.0.0.0/8'), dev: 'lo', proto: 'kernel', scope: 'host', src: a.ip });
        out.push({ table: 'local', type: 'broadcast', dst: parseCidr('127.255.255.255/32'), dev: 'lo', proto: 'kernel', scope: 'link', src: a.ip });
      }
      out.push({ table: 'local', type: 'local', dst: parseCidr(`${a.ip}/32`), dev: d.name, proto: 'kernel', scope: 'host', src: a.ip });
      if (a.brd) out.push({ table: 'local', type: 'broadcast', dst: parseCidr(`${a.brd}/32`), dev: d.name, proto: 'kernel', scope: 'link', src: a.ip });
    }
  }
  return out;
}

/** What a namespace's tables hold besides its local table: the main table (and any numbered ones), policy rules, and the neighbour and FDB entries programs installed. */
export interface NetnsTables {
  readonly routes: readonly Route[];
  readonly rules?: readonly IpRule[];
  readonly neigh?: readonly StaticNeigh[];
  readonly fdb?: readonly StaticFdb[];
}

/** A namespace from its shape and tables: the local table derived, then the scenario's route edits applied. */
export function finish(cluster: Cluster, shape: NetnsShape, t: NetnsTables): Netns {
  const { routes, problems } = applyRouteEdits(cluster, shape, [...t.routes, ...localTable(shape.devices)]);
  return { ...shape, rules: t.rules ?? DEFAULT_RULES, neigh: t.neigh ?? [], fdb: t.fdb ?? [], routes, editProblems: problems };
}

