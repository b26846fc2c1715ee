// The internet beyond the gateway. One router ("internet", 192.0.2.254 on the gateway's
// outside link) stands for all the routers of the internet: it has routes for public
// address space only (none for private and other special-purpose ranges, so those end in
// ICMP "network unreachable"), a route back to the node network through the gateway (the
// nodes are routable, as in a VPC), and a link ("wan") on which every public address that
// the scenario does not declare is a host of its own: a host somewhere on the internet. Such
// a host answers ping, serves HTTP and HTTPS on 80 and 443, and silently drops everything
// else, as a host behind a firewall does. Declared outside hosts sit on the gateway's own
// link, as before.
import { parseCidr, type Cidr } from '../lib/ip';
import { complement, isPublicAddress, SPECIAL_PURPOSE } from '../lib/special-addresses';

export { complement, isPublicAddress, SPECIAL_PURPOSE };
import { hashedMac } from '../lib/mac';
import { addr, connected, GATEWAY_INTERNET_IP, INTERNET_SEGMENT, LO } from './netns-base';
import type { Cluster, Device, Listener, NetnsId, NetnsShape, OutsideHost, Route } from './types';

export const INTERNET_ROUTER_NETNS: NetnsId = 'router/internet';
/** The internet router's address on the gateway's outside link. */
export const INTERNET_ROUTER_IP = '192.0.2.254';
/** The link between the internet router and every undeclared host (RFC 2544's benchmarking range). */
export const WAN_SEGMENT = 'wan';
export const WAN_NET = '198.18.0.0/15';
export const WAN_ROUTER_IP = '198.18.0.1';
/** Ports an undeclared internet host serves: HTTP and HTTPS. */
export const INTERNET_HOST_PORTS = [80, 443] as const;
/** Well-known public resolvers, which also answer DNS on port 53 (and the scenario's spec.upstreamDNS). */
export const PUBLIC_RESOLVERS = ['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9'] as const;

/** Whether a host on the internet runs a DNS resolver. */
export function isResolver(cluster: Cluster, ip: string): boolean {
  return ip === cluster.scenario.settings.upstreamDNS || (PUBLIC_RESOLVERS as readonly string[]).includes(ip);
}

export const virtualHostNetnsId = (ip: string): NetnsId => `host/@${ip}`;
export const isVirtualHostNetns = (id: NetnsId) => id.startsWith('host/@');

let publicSpace: Cidr[] | undefined;

/** The public address space as the internet router's routes cover it. */
export function publicRoutes(): readonly Cidr[] {
  publicSpace ??= complement(SPECIAL_PURPOSE.map(parseCidr));
  return publicSpace;
}

/** An undeclared public address as an outside host: a host somewhere on the internet. */
export function internetHost(cluster: Cluster, ip: string): OutsideHost | undefined {
  if (!isPublicAddress(ip) || cluster.outside.some((h) => h.ip === ip)) return undefined;
  if (cluster.services.some((s) => s.loadBalancerIP === ip || s.externalIPs.includes(ip))) return undefined;
  const dns = isResolver(cluster, ip) ? [{ port: 53, protocol: 'UDP' as const }, { port: 53, protocol: 'TCP' as const }] : [];
  return {
    name: ip, ip, netns: virtualHostNetnsId(ip), names: [], virtual: true,
    ports: [...INTERNET_HOST_PORTS.map((port) => ({ port, protocol: 'TCP' as const })), ...dns],
  };
}

export function internetRouterShape(): NetnsShape {
  const devices: Device[] = [
    LO,
    { name: 'eth0', ifindex: 2, kind: 'ether', mac: hashedMac('internet/eth0'), mtu: 1500, addrs: [addr(INTERNET_ROUTER_IP, 24)], segment: INTERNET_SEGMENT, up: true },
    { name: 'wan0', ifindex: 3, kind: 'ether', mac: hashedMac('internet/wan0'), mtu: 1500, addrs: [addr(WAN_ROUTER_IP, 15)], segment: WAN_SEGMENT, up: true },
  ];
  return { id: INTERNET_ROUTER_NETNS, kind: 'router', machine: 'internet', name: 'root', devices, forwarding: true, listeners: [] };
}

export function internetRouterMain(cluster: Cluster, shape: NetnsShape): Route[] {
  const [, eth0, wan0] = shape.devices;
  const main: Route[] = [
    connected('eth0', eth0!.addrs[0]!), connected('wan0', wan0!.addrs[0]!),
    // The node network is routable through the gateway, as a cloud VPC's addresses are.
    { table: 'main', type: 'unicast', dst: cluster.nodeSubnet, via: GATEWAY_INTERNET_IP, dev: 'eth0' },
  ];
  for (const h of cluster.outside) main.push({ table: 'main', type: 'unicast', dst: parseCidr(`${h.ip}/32`), dev: 'eth0', scope: 'link' });
  for (const c of publicRoutes()) main.push({ table: 'main', type: 'unicast', dst: c, dev: 'wan0', scope: 'link' });
  return main;
}

export function virtualHostShape(cluster: Cluster, ip: string): NetnsShape {
  const a = { ...addr(ip, 32), brd: undefined };
  const devices: Device[] = [LO, { name: 'eth0', ifindex: 2, kind: 'ether', mac: hashedMac(`internet-host/${ip}`), mtu: 1500, addrs: [a], segment: WAN_SEGMENT, up: true }];
  const listeners: Listener[] = INTERNET_HOST_PORTS.map((port) => ({ proto: 'tcp', port, addr: '0.0.0.0', owner: 'web server' }));
  if (isResolver(cluster, ip)) listeners.push({ proto: 'udp', port: 53, addr: '0.0.0.0', owner: 'DNS resolver' }, { proto: 'tcp', port: 53, addr: '0.0.0.0', owner: 'DNS resolver' });
  return { id: virtualHostNetnsId(ip), kind: 'outside', machine: ip, name: 'root', devices, forwarding: false, listeners, closedPorts: 'drop', drawnAs: INTERNET_HOSTS_ELEMENT };
}

export function virtualHostMain(): Route[] {
  return [{ table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: WAN_ROUTER_IP, dev: 'eth0', onlink: true }];
}

/** The graph element every undeclared internet host is drawn as. */
export const INTERNET_HOSTS_ELEMENT = 'host:internet';

/** Who holds an address on the wan link: the router, or the undeclared host that is that address. */
export function wanOwner(cluster: Cluster, ip: string): { netns: NetnsId; device: string } | undefined {
  if (ip === WAN_ROUTER_IP) return { netns: INTERNET_ROUTER_NETNS, device: 'wan0' };
  return internetHost(cluster, ip) ? { netns: virtualHostNetnsId(ip), device: 'eth0' } : undefined;
}
