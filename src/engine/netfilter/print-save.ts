// The kernel form: rules as `iptables-save` / `iptables -S` print them after the kernel has
// stored them. The basic matches come first in a fixed order (! -s, -d, -i, -o, -p), then the
// `-m` modules in the order given, each printing its options the way its libxt_*.c save()
// function does, then the target. Addresses gain a prefix length, MARK becomes --set-xmark,
// probabilities print with 11 decimals, and a value is quoted only when xtables_save_string
// finds a character outside [A-Za-z0-9_-] in it.
import { formatIpNet, type IpFamily } from './addr';
import { probabilitySaveText } from './probability';
import { saveIpvs } from './ipvs-match';
import { isBasicMatch, type Match, type ModuleMatch, type Rule, type Target } from './rule-types';

const not = (neg: boolean): string => (neg ? ' !' : '');

const PROTO_NAMES: Readonly<Record<number, string>> = { 1: 'icmp', 4: 'ipencap', 6: 'tcp', 17: 'udp', 58: 'ipv6-icmp', 132: 'sctp' };

// Bit order of the RTN_* address types in libxt_addrtype's print_types().
const ADDR_TYPE_ORDER = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'];
// libxt_conntrack's print_state() order.
const CT_ORDER = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];
const PHYSDEV_ORDER = ['physdev-is-in', 'physdev-in', 'physdev-is-out', 'physdev-out', 'physdev-is-bridged'];

/** xtables_save_string(): a leading space, then the value, quoted when it has to be. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return ` ${value}`;
  return ` "${value.replace(/(["\\'])/g, '\\$1')}"`;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;
const ports = (lo: number, hi: number): string => (lo === hi ? `${lo}` : `${lo}:${hi}`);
const inOrder = (values: readonly string[], order: readonly string[]): string[] =>
  [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));

function saveModule(m: ModuleMatch, family: IpFamily): string {
  switch (m.kind) {
    case 'ports': {
      let s = ` -m ${m.module}`;
      if (m.sport && (m.sport.lo !== 0 || m.sport.hi !== 65535)) s += `${not(m.sport.neg)} --sport ${ports(m.sport.lo, m.sport.hi)}`;
      if (m.dport && (m.dport.lo !== 0 || m.dport.hi !== 65535)) s += `${not(m.dport.neg)} --dport ${ports(m.dport.lo, m.dport.hi)}`;
      return s;
    }
    case 'multiport':
      return ` -m multiport${not(m.neg)} --${m.dir} ${m.ranges.map(([lo, hi]) => ports(lo, hi)).join(',')}`;
    case 'comment':
      return ` -m comment --comment${saveString(m.comment)}`;
    case 'addrtype': {
      let s = ' -m addrtype';
      if (m.src) s += `${not(m.src.neg)} --src-type ${inOrder(m.src.types, ADDR_TYPE_ORDER).join(',')}`;
      if (m.dst) s += `${not(m.dst.neg)} --dst-type ${inOrder(m.dst.types, ADDR_TYPE_ORDER).join(',')}`;
      if (m.limitIfaceIn) s += ' --limit-iface-in';
      if (m.limitIfaceOut) s += ' --limit-iface-out';
      return s;
    }
    case 'mark':
      return ` -m mark${not(m.neg)} --mark ${m.mask === 0xffffffff ? hex(m.value) : `${hex(m.value)}/${hex(m.mask)}`}`;
    case 'conntrack':
      return ` -m conntrack${not(m.neg)} --ctstate ${inOrder(m.states, CT_ORDER).join(',')}`;
    case 'statistic':
      return ` -m statistic --mode random${not(m.neg)} --probability ${probabilitySaveText(m.probability)}`;
    case 'recent': {
      let s = ` -m recent${not(m.neg)} --${m.action}`;
      if (m.seconds) s += ` --seconds ${m.seconds}`;
      if (m.reap) s += ' --reap';
      if (m.hitcount) s += ` --hitcount ${m.hitcount}`;
      if (m.rttl) s += ' --rttl';
      s += ` --name ${m.name}`;
      s += ` --mask ${m.mask ?? (family === 4 ? '255.255.255.255' : 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')}`;
      return `${s} --${m.side}`;
    }
    case 'set':
      return ` -m set${not(m.neg)} --match-set ${m.set} ${m.flags.join(',')}`;
    case 'nfacct':
      // libxt_nfacct prints "--nfacct-name " and xtables_save_string adds its own space.
      return ` -m nfacct --nfacct-name ${saveString(m.name)}`;
    case 'physdev': {
      const opts = [...m.options].sort((a, b) => PHYSDEV_ORDER.indexOf(a.opt) - PHYSDEV_ORDER.indexOf(b.opt));
      return ` -m physdev${opts.map((o) => `${not(o.neg)} --${o.opt}${o.iface === undefined ? '' : ` ${o.iface}`}`).join('')}`;
    }
    case 'ipvs':
      return saveIpvs(m);
  }
}

function saveTarget(t: Target, family: IpFamily): string {
  switch (t.kind) {
    case 'none':
      return '';
    case 'jump':
      return ` -j ${t.chain}`;
    case 'goto':
      return ` -g ${t.chain}`;
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
      return ` -j ${t.kind}`;
    case 'REJECT':
      return ` -j REJECT --reject-with ${t.with ?? (family === 4 ? 'icmp-port-unreachable' : 'icmp6-port-unreachable')}`;
    case 'DNAT':
      return ` -j DNAT --to-destination ${t.to}${t.random ? ' --random' : ''}${t.persistent ? ' --persistent' : ''}`;
    case 'SNAT':
      return ` -j SNAT --to-source ${t.to}${t.random ? ' --random' : ''}${t.randomFully ? ' --random-fully' : ''}${t.persistent ? ' --persistent' : ''}`;
    case 'MASQUERADE':
      return ` -j MASQUERADE${t.toPorts === undefined ? '' : ` --to-ports ${t.toPorts}`}${t.random ? ' --random' : ''}${t.randomFully ? ' --random-fully' : ''}`;
    case 'MARK':
      return ` -j MARK --set-xmark ${hex(t.value)}/${hex(t.mask)}`;
    case 'CONNMARK':
      return t.op === 'set-xmark' ? ` -j CONNMARK --set-xmark ${hex(t.value)}/${hex(t.mask)}` : ` -j CONNMARK --${t.op} --nfmask ${hex(t.nfmask)} --ctmask ${hex(t.ctmask)}`;
  }
}

function basic(matches: readonly Match[], kind: Match['kind']): Match | undefined {
  return matches.find((m) => m.kind === kind);
}

const cache: Record<IpFamily, WeakMap<Rule, string>> = { 4: new WeakMap(), 6: new WeakMap() };

/** The rule's arguments in the kernel form, each piece preceded by a space. */
export function saveRuleArgs(rule: Rule, family: IpFamily): string {
  const hit = cache[family].get(rule);
  if (hit !== undefined) return hit;
  let s = '';
  for (const kind of ['src', 'dst'] as const) {
    const m = basic(rule.matches, kind);
    if (m && m.kind === kind && m.net.prefix > 0) s += `${not(m.neg)} ${kind === 'src' ? '-s' : '-d'} ${formatIpNet(m.net)}`;
  }
  for (const kind of ['in', 'out'] as const) {
    const m = basic(rule.matches, kind);
    if (m && m.kind === kind) s += `${not(m.neg)} ${kind === 'in' ? '-i' : '-o'} ${m.iface}`;
  }
  const p = basic(rule.matches, 'proto');
  if (p && p.kind === 'proto' && p.num !== 0) s += `${not(p.neg)} -p ${PROTO_NAMES[p.num] ?? String(p.num)}`;
  for (const m of rule.matches) {
    if (!isBasicMatch(m)) s += saveModule(m, family);
  }
  s += saveTarget(rule.target, family);
  cache[family].set(rule, s);
  return s;
}

export function saveRuleLine(chain: string, rule: Rule, family: IpFamily): string {
  return `-A ${chain}${saveRuleArgs(rule, family)}`;
}
