// kube-proxy in iptables mode: the iptables-restore payload one full syncProxyRules() writes
// on one node (pkg/proxy/iptables/proxier.go), fed to `iptables-restore --noflush --counters`.
// The `*filter … COMMIT *nat … COMMIT` text keeps kube-proxy's own order: fixed chains and
// rules first, then every Service port, then the KUBE-SERVICES -> KUBE-NODEPORTS tail and the
// KUBE-FORWARD rules. The jump rules from the built-in chains live in iptables-jumps.ts.
import { compareIpWords, familyOf, ipNetContains, parseIpNet, parseIpWords, type IpFamily } from '../netfilter/addr';
import { endpointInfos } from './endpoints';
import { LineBuffer, type Words } from './line-buffer';
import { writeServiceRules, type SyncContext } from './iptables-service';
import { servicePortNameString } from './names';
import { goMasqueradeMark, localDetectorCidr } from './proxier-config';
import { serviceInfo } from './service-info';
import type { ProxyInput, ProxyServiceEntry } from './types';

const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;
const chainLine = (chain: string): string => `:${chain} - [0:0]`;

export function proxyFamily(input: ProxyInput): IpFamily {
  const first = input.nodeIPs[0];
  return first === undefined ? 4 : familyOf(first);
}

/** The mark text as written: the input's, or Go's "%#08x" of the bit (bit 14 gives 0x00004000). */
export function masqueradeMarkText(input: ProxyInput): string {
  return input.masqueradeMark ?? goMasqueradeMark(input.masqueradeBit);
}

/** proxyutil.NewNodePortAddresses for this family: the CIDRs, or null for "match all". */
function nodePortCIDRs(input: ProxyInput, family: IpFamily): string[] | null {
  const cidrs = input.nodePortAddresses.filter((c) => familyOf(c) === family);
  if (cidrs.length === 0 || cidrs.some((c) => parseIpNet(c).prefix === 0)) return null;
  return cidrs;
}

/** NewProxier turns localhostNodePorts off when --nodeport-addresses leaves out 127.0.0.0/8. */
export function effectiveLocalhostNodePorts(input: ProxyInput): boolean {
  const family = proxyFamily(input);
  if (family !== 4) return input.localhostNodePorts;
  const cidrs = nodePortCIDRs(input, 4);
  if (cidrs === null) return input.localhostNodePorts;
  const loopback = parseIpWords('127.0.0.0') as readonly number[];
  const containsLoopback = cidrs.some((c) => {
    const net = parseIpNet(c);
    return ipNetContains(net, loopback) || (net.net[0] ?? 0) >>> 24 === 127;
  });
  return input.localhostNodePorts && containsLoopback;
}

/** Go iterates a map; we write Services sorted by their port name (then protocol). */
function sortedServices(services: readonly ProxyServiceEntry[]): ProxyServiceEntry[] {
  const keyed = services.map((e) => ({ e, key: `${servicePortNameString(e.port)}\u0000${e.port.protocol}` }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.e);
}

interface Payload {
  readonly filterChains: LineBuffer;
  readonly filterRules: LineBuffer;
  readonly natChains: LineBuffer;
  readonly natRules: LineBuffer;
}

/**
 * The iptables-restore payload kube-proxy writes for this node (`*filter … COMMIT *nat … COMMIT`).
 * `existingNatChains` are the nat chains the node has now (what kube-proxy reads back with
 * iptables-save): kube-proxy flushes and deletes (`-X`) the KUBE-SVC/SVL/EXT/FW/SEP chains
 * among them that this sync no longer writes.
 */
export function writeIptablesRules(input: ProxyInput, existingNatChains: readonly string[] = []): string {
  const p = syncProxyRules(input, existingNatChains);
  return `*filter\n${p.filterChains.text()}${p.filterRules.text()}COMMIT\n*nat\n${p.natChains.text()}${p.natRules.text()}COMMIT\n`;
}

/** The same payload line by line, each line as its words (for applyRestoreLines; no re-tokenizing). */
export function iptablesRestoreLines(input: ProxyInput, existingNatChains: readonly string[] = []): readonly (readonly string[])[] {
  const p = syncProxyRules(input, existingNatChains);
  return [['*filter'], ...p.filterChains.wordLines(), ...p.filterRules.wordLines(), ['COMMIT'], ['*nat'], ...p.natChains.wordLines(), ...p.natRules.wordLines(), ['COMMIT']];
}

const SERVICE_CHAIN_PREFIXES = ['KUBE-SVC-', 'KUBE-SVL-', 'KUBE-SEP-', 'KUBE-FW-', 'KUBE-EXT-'];

function syncProxyRules(input: ProxyInput, existingNatChains: readonly string[]): Payload {
  const family = proxyFamily(input);
  const mark = masqueradeMarkText(input);
  const localhostNodePorts = effectiveLocalhostNodePorts(input);
  const filterChains = new LineBuffer();
  const filterRules = new LineBuffer();
  const natChains = new LineBuffer();
  const natRules = new LineBuffer();

  for (const c of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) filterChains.write(chainLine(c));
  for (const c of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']) natChains.write(chainLine(c));

  natRules.write('-A', 'KUBE-POSTROUTING', '-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN');
  natRules.write('-A', 'KUBE-POSTROUTING', '-j', 'MARK', '--xor-mark', mark);
  const masq: Words[] = ['-A', 'KUBE-POSTROUTING', '-m', 'comment', '--comment', '"kubernetes service traffic requiring SNAT"', '-j', 'MASQUERADE'];
  if (input.randomFully) masq.push('--random-fully');
  natRules.write(...masq);
  natRules.write('-A', 'KUBE-MARK-MASQ', '-j', 'MARK', '--or-mark', mark);

  if (family === 4 && localhostNodePorts) {
    filterChains.write(chainLine('KUBE-FIREWALL'));
    filterRules.write('-A', 'KUBE-FIREWALL', '-m', 'comment', '--comment', '"block incoming localnet connections"', '-d', '127.0.0.0/8', '!', '-s', '127.0.0.0/8', '-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT', '-j', 'DROP');
  }

  const services = sortedServices(input.services).flatMap((entry) => {
    const svc = serviceInfo(entry.port, family);
    return svc === null ? [] : [{ svc, eps: endpointInfos(entry.endpoints, input.nodeName, family) }];
  });
  const totalEndpoints = services.reduce((n, s) => n + s.eps.length, 0);
  const localCidr = localDetectorCidr(input);
  const ctx: SyncContext = {
    masqueradeAll: input.masqueradeAll,
    localDetector: localCidr === null ? null : { ifLocal: ['-s', localCidr], ifNotLocal: ['!', '-s', localCidr] },
    localhostNodePortCounter: localhostNodePorts && family === 4 && input.nfacct,
    nodeIP: input.nodeIPs[0] ?? '',
    largeClusterMode: totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD,
    filterRules,
    natChains,
    natRules,
  };
  for (const { svc, eps } of services) writeServiceRules(ctx, svc, eps);

  // Delete chains no longer in use (Go walks a set; we go in name order).
  const ours = existingNatChains.filter((c) => SERVICE_CHAIN_PREFIXES.some((p) => c.startsWith(p))).sort();
  if (ours.length > 0) {
    const active = new Set(natChains.wordLines().map((l) => (l[0] ?? '').slice(1).split(' ')[0]));
    for (const chain of ours) {
      if (active.has(chain)) continue;
      natChains.write(chainLine(chain));
      natRules.write('-X', chain);
    }
  }

  // Finally, tail-call to the nodePorts chain.
  const tail = ['-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"'];
  const cidrs = nodePortCIDRs(input, family);
  if (cidrs === null) {
    const destinations = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    if (family === 6) destinations.push('!', '-d', '::1/128');
    else if (!localhostNodePorts) destinations.push('!', '-d', '127.0.0.0/8');
    natRules.write(tail, destinations, '-j', 'KUBE-NODEPORTS');
  } else {
    for (const ip of nodePortIPs(input, family, cidrs)) {
      const loopback = family === 4 ? ip.startsWith('127.') : ip === '::1';
      if (loopback && (family === 6 || !localhostNodePorts)) continue;
      natRules.write(tail, '-d', ip, '-j', 'KUBE-NODEPORTS');
    }
  }

  if (!input.conntrackTcpBeLiberal) {
    const invalid: Words[] = ['-A', 'KUBE-FORWARD', '-m', 'conntrack', '--ctstate', 'INVALID'];
    if (input.nfacct) invalid.push(['-m', 'nfacct', '--nfacct-name', 'ct_state_invalid_dropped_pkts']);
    filterRules.write(...invalid, '-j', 'DROP');
  }
  filterRules.write('-A', 'KUBE-FORWARD', '-m', 'comment', '--comment', '"kubernetes forwarding rules"', '-m', 'mark', '--mark', `${mark}/${mark}`, '-j', 'ACCEPT');
  filterRules.write('-A', 'KUBE-FORWARD', '-m', 'comment', '--comment', '"kubernetes forwarding conntrack rule"', '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT');

  return { filterChains, filterRules, natChains, natRules };
}

/**
 * GetNodeIPs: the node's interface addresses inside the --nodeport-addresses CIDRs. The node's
 * addresses are its nodeIPs plus loopback; Go returns them in map order, we sort them.
 */
function nodePortIPs(input: ProxyInput, family: IpFamily, cidrs: readonly string[]): string[] {
  const addrs = [family === 4 ? '127.0.0.1' : '::1', ...input.nodeIPs.filter((ip) => familyOf(ip) === family)];
  const nets = cidrs.map((c) => parseIpNet(c));
  const matched = new Map<string, readonly number[]>();
  for (const a of addrs) {
    const w = parseIpWords(a);
    if (w !== null && nets.some((n) => ipNetContains(n, w))) matched.set(a, w);
  }
  return [...matched].sort((a, b) => compareIpWords(a[1], b[1])).map(([ip]) => ip);
}
