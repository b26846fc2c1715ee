// The filter-table chains felix (v3.32, iptables dataplane) programs on one node for
// Kubernetes NetworkPolicy, as felix/rules renders them: the static cali-FORWARD, cali-INPUT,
// cali-OUTPUT and cali-wl-to-host (static.go); the dispatch chains that send a packet from or
// to a workload interface to its endpoint chain (dispatch.go, a shallow tree by name prefix);
// per local workload cali-fw-<iface> (its egress) and cali-tw-<iface> (its ingress), which jump
// to the policy chains of the default tier and then to the profiles (endpoints.go); per
// active policy cali-pi-/cali-po- (policy.go), and per profile cali-pri-/cali-pro-.
import type { NetworkPolicySpec } from '../../model/netpol-types';
import { lengthLimitedId, policyGroupId } from './ids';
import { A, M, type FelixChain, type FelixRule } from './render';
import { MARKS, policyChainRules, type IpsetDef, type MarkBits, type RuleContext } from './rules';
import { policyRawSelector, policySelector, selectorEvaluate } from './selector';
import type { CalicoEndpoint } from './endpoints';

export type Encapsulation = 'IPIP' | 'VXLAN' | 'None';

export interface CalicoConfig {
  /** The IP pool's encapsulation: what cali-INPUT and cali-OUTPUT let through between nodes. */
  readonly encapsulation: Encapsulation;
  readonly marks: MarkBits;
}

export const DEFAULT_CALICO: CalicoConfig = { encapsulation: 'IPIP', marks: MARKS };

/** allCalicoMarkBits: accept, pass and the two scratch bits. */
const allMarks = (m: MarkBits) => m.accept | m.pass | m.scratch0 | m.scratch1;
const VXLAN_PORT = 4789;
const IPIP = 4;
const UDP = 17;
export const ALL_HOSTS_NET = 'cali40all-hosts-net';
export const ALL_VXLAN_NET = 'cali40all-vxlan-net';

export const policyChainName = (inbound: boolean, p: NetworkPolicySpec): string => lengthLimitedId(inbound ? 'cali-pi-' : 'cali-po-', `knp/${p.namespace}/${p.name}`);
export const profileChainName = (inbound: boolean, profile: string): string => lengthLimitedId(inbound ? 'cali-pri-' : 'cali-pro-', profile);
export const endpointChainName = (inbound: boolean, iface: string): string => lengthLimitedId(inbound ? 'cali-tw-' : 'cali-fw-', iface);

/** PolKVLess: equal orders (every Kubernetes policy has 1000) sort by "name/namespace/kind". */
const sortKey = (p: NetworkPolicySpec) => `${p.name}/${p.namespace}/KubernetesNetworkPolicy`;

/** The policies of the default tier that apply to an endpoint in one direction, in felix's order. */
export function endpointPolicies(policies: readonly NetworkPolicySpec[], ep: CalicoEndpoint, inbound: boolean): NetworkPolicySpec[] {
  return policies
    .filter((p) => p.policyTypes.includes(inbound ? 'Ingress' : 'Egress') && selectorEvaluate(policySelector(p.podSelector, p.namespace), ep.labels))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

interface Group { readonly selector: string; readonly policies: NetworkPolicySpec[] }

/** groupPolicies: consecutive policies with the same selector share a group; a group of more than one gets its own chain. */
function groups(policies: readonly NetworkPolicySpec[]): Group[] {
  const out: Group[] = [];
  for (const p of policies) {
    const sel = policyRawSelector(p.podSelector, p.namespace);
    const last = out[out.length - 1];
    if (last && last.selector === sel) last.policies.push(p);
    else out.push({ selector: sel, policies: [p] });
  }
  return out;
}

const idString = (p: NetworkPolicySpec) => `{Name: ${p.name}, Namespace: ${p.namespace}, Kind: KubernetesNetworkPolicy}`;

function groupChain(g: Group, inbound: boolean, marks: MarkBits): FelixChain {
  const name = `${inbound ? 'cali-gi-' : 'cali-go-'}${policyGroupId(g.selector, inbound ? 'inbound' : 'outbound', g.policies.map(idString))}`;
  const rules: FelixRule[] = [];
  g.policies.forEach((p, i) => {
    if (i !== 0 && i % 5 === 0) rules.push({ comments: ['Return on verdict'], match: [M.markNotClear(marks.pass | marks.accept)], action: A.ret });
    rules.push({ ...(i % 5 === 0 ? {} : { match: [M.markClear(marks.pass | marks.accept)] }), action: A.jump(policyChainName(inbound, p)) });
  });
  return { name, rules };
}

/** cali-tw-<iface> (inbound) or cali-fw-<iface>: conntrack, the tier's policies, then the profiles. */
function endpointChain(ep: CalicoEndpoint, gs: readonly Group[], inbound: boolean, extra: FelixChain[], marks: MarkBits): FelixChain {
  const rules: FelixRule[] = [
    { match: [M.ctstate('RELATED,ESTABLISHED')], action: A.accept },
    { match: [M.ctstate('INVALID')], action: A.drop },
    { action: A.clearMark(marks.accept | marks.pass) },
  ];
  if (!inbound) {
    rules.push(
      { comments: ['Drop VXLAN encapped packets originating in workloads'], match: [M.proto(UDP), M.dstPorts([[VXLAN_PORT, VXLAN_PORT]])], action: A.drop },
      { comments: ['Drop IPinIP encapped packets originating in workloads'], match: [M.proto(IPIP)], action: A.drop },
    );
  }
  if (gs.length > 0) {
    rules.push({ comments: ['Start of tier default'], action: A.clearMark(marks.pass) });
    for (const g of gs) {
      let target = policyChainName(inbound, g.policies[0]!);
      if (g.policies.length > 1) {
        const c = groupChain(g, inbound, marks);
        extra.push(c);
        target = c.name;
      }
      rules.push({ match: [M.markClear(marks.pass)], action: A.jump(target) });
      rules.push({ comments: ['Return if policy accepted'], match: [M.markSet(marks.accept)], action: A.ret });
    }
    rules.push({ comments: ['End of tier default. Drop if no policies passed packet'], match: [M.markClear(marks.pass)], action: A.drop });
  }
  for (const profile of ep.profiles) {
    rules.push({ action: A.jump(profileChainName(inbound, profile)) });
    rules.push({ comments: ['Return if profile accepted'], match: [M.markSet(marks.accept)], action: A.ret });
  }
  rules.push({ comments: ['Drop if no profiles matched'], action: A.drop });
  return { name: endpointChainName(inbound, ep.iface), rules };
}

/** A dispatch chain and its children: interfaces sorted, grouped by the character after their common prefix. */
function dispatchChains(root: string, ifaces: readonly string[], inbound: boolean): FelixChain[] {
  const names = [...ifaces].sort();
  let common = names[0] ?? '';
  for (const n of names) while (!n.startsWith(common)) common = common.slice(0, -1);
  const byPrefix = new Map<string, string[]>();
  for (const n of names) {
    const pfx = n.length > common.length ? n.slice(0, common.length + 1) : common;
    byPrefix.set(pfx, [...(byPrefix.get(pfx) ?? []), n]);
  }
  const match = (i: string) => (inbound ? M.outIface(i) : M.inIface(i));
  const to = (i: string) => A.goto(endpointChainName(inbound, i));
  const end: FelixRule = { comments: ['Unknown interface'], action: A.drop };
  const rootRules: FelixRule[] = [];
  const children: FelixChain[] = [];
  for (const [pfx, list] of byPrefix) {
    if (list.length === 1) { rootRules.push({ match: [match(list[0]!)], action: to(list[0]!) }); continue; }
    const child = `${root}-${pfx.slice(common.length)}`;
    rootRules.push({ match: [match(`${pfx}+`)], action: A.goto(child) });
    children.push({ name: child, rules: [...list.map((i) => ({ match: [match(i)], action: to(i) })), end] });
  }
  return [...children, { name: root, rules: [...rootRules, end] }];
}

function profileChains(profile: string, marks: MarkBits): FelixChain[] {
  // kns.<ns> profiles allow everything both ways; ksa.<ns>.<sa> profiles carry only labels.
  const allow = profile.startsWith('kns.');
  return [true, false].map((inbound) => ({
    name: profileChainName(inbound, profile),
    rules: [{ comments: [`Profile ${profile} ${inbound ? 'ingress' : 'egress'}`], ...(allow ? { action: A.setMark(marks.accept) } : {}) }],
  }));
}

function staticChains({ encapsulation: encap, marks }: CalicoConfig): FelixChain[] {
  const all = allMarks(marks);
  const vxlanPort = M.dstPorts([[VXLAN_PORT, VXLAN_PORT]]);
  const input: FelixRule[] = [];
  if (encap === 'IPIP') {
    input.push(
      { comments: ['Allow IPIP packets from Calico hosts'], match: [M.proto(IPIP), M.srcSet(ALL_HOSTS_NET), M.dstAddrLocal], action: A.accept },
      { comments: ['Drop IPIP packets from non-Calico hosts'], match: [M.proto(IPIP)], action: A.drop },
    );
  }
  if (encap === 'VXLAN') {
    input.push(
      { comments: ['Allow IPv4 VXLAN packets from allowed hosts'], match: [M.proto(UDP), vxlanPort, M.srcSet(ALL_VXLAN_NET), M.dstAddrLocal], action: A.accept },
      { comments: ['Drop IPv4 VXLAN packets from non-allowed hosts'], match: [M.proto(UDP), vxlanPort, M.dstAddrLocal], action: A.drop },
    );
  }
  const hostAccepted: FelixRule = { comments: ['Host endpoint policy accepted packet.'], match: [M.markSet(marks.accept)], action: A.accept };
  input.push(
    { match: [M.inIface('cali+')], action: A.goto('cali-wl-to-host') },
    { match: [M.markSet(marks.accept)], action: A.accept },
    { action: A.clearMark(all) },
    { action: A.jump('cali-from-host-endpoint') },
    hostAccepted,
  );
  const output: FelixRule[] = [{ match: [M.markSet(marks.accept)], action: A.accept }, { match: [M.outIface('cali+')], action: A.ret }];
  if (encap === 'IPIP') output.push({ comments: ['Allow IPIP packets to other Calico hosts'], match: [M.proto(IPIP), M.dstSet(ALL_HOSTS_NET), M.srcAddrLocal], action: A.accept });
  if (encap === 'VXLAN') output.push({ comments: ['Allow IPv4 VXLAN packets to other allowed hosts'], match: [M.proto(UDP), vxlanPort, M.srcAddrLocal, M.dstSet(ALL_VXLAN_NET)], action: A.accept });
  output.push({ action: A.clearMark(all) }, { match: [M.notCtstate('DNAT')], action: A.jump('cali-to-host-endpoint') }, hostAccepted);
  return [
    {
      name: 'cali-FORWARD', rules: [
        { action: A.clearMark(all & ~marks.accept) },
        { match: [M.markClear(marks.accept)], action: A.jump('cali-from-hep-forward') },
        { match: [M.inIface('cali+')], action: A.jump('cali-from-wl-dispatch') },
        { match: [M.outIface('cali+')], action: A.jump('cali-to-wl-dispatch') },
        { action: A.jump('cali-to-hep-forward') },
        { action: A.jump('cali-cidr-block') },
      ],
    },
    { name: 'cali-INPUT', rules: input },
    { name: 'cali-OUTPUT', rules: output },
    // DefaultEndpointToHostAction as Calico's manifests and operator set it: ACCEPT.
    { name: 'cali-wl-to-host', rules: [{ action: A.jump('cali-from-wl-dispatch') }, { comments: ['Configured DefaultEndpointToHostAction'], action: A.accept }] },
    ...['cali-cidr-block', 'cali-from-hep-forward', 'cali-from-host-endpoint', 'cali-to-hep-forward', 'cali-to-host-endpoint'].map((name) => ({ name, rules: [] })),
  ];
}

export interface CalicoFilterTable {
  /** Calico's own chains. */
  readonly chains: readonly FelixChain[];
  /** Rules felix inserts at the top of the built-in chains (ChainInsertMode "insert"). */
  readonly inserts: readonly { readonly chain: 'FORWARD' | 'INPUT' | 'OUTPUT'; readonly rule: FelixRule }[];
  /** Rules felix appends to the end of FORWARD. */
  readonly appends: readonly FelixRule[];
  /** The IP sets the chains refer to. */
  readonly ipsets: readonly IpsetDef[];
}

/** Everything felix writes into one node's filter table. */
export function calicoFilterTable(endpoints: readonly CalicoEndpoint[], policies: readonly NetworkPolicySpec[], node: string, cfg: CalicoConfig = DEFAULT_CALICO): CalicoFilterTable {
  const marks = cfg.marks;
  const local = endpoints.filter((e) => e.node === node);
  const ipsets = new Map<string, IpsetDef>();
  const ctx: RuleContext = { marks, useIpset: (d) => { if (!ipsets.has(d.name)) ipsets.set(d.name, d); } };
  const chains: FelixChain[] = [...staticChains(cfg)];
  const extra: FelixChain[] = [];
  const active = new Map<string, { p: NetworkPolicySpec; inbound: boolean }>();
  const profiles = new Set<string>();
  for (const ep of local) {
    for (const inbound of [true, false]) {
      const ps = endpointPolicies(policies, ep, inbound);
      for (const p of ps) active.set(policyChainName(inbound, p), { p, inbound });
      chains.push(endpointChain(ep, groups(ps), inbound, extra, marks));
    }
    for (const pr of ep.profiles) profiles.add(pr);
  }
  chains.push(...dispatchChains('cali-from-wl-dispatch', local.map((e) => e.iface), false));
  chains.push(...dispatchChains('cali-to-wl-dispatch', local.map((e) => e.iface), true));
  for (const [name, { p, inbound }] of active) chains.push({ name, rules: policyChainRules(ctx, p, inbound) });
  for (const pr of profiles) chains.push(...profileChains(pr, marks));
  const groupNames = new Set<string>();
  for (const g of extra) if (!groupNames.has(g.name)) { groupNames.add(g.name); chains.push(g); }
  return {
    chains,
    inserts: (['FORWARD', 'INPUT', 'OUTPUT'] as const).map((chain) => ({ chain, rule: { action: A.jump(`cali-${chain}`) } })),
    appends: [
      { comments: ['Policy explicitly accepted packet.'], match: [M.markSet(marks.accept)], action: A.accept },
      { action: A.setMark(marks.accept) },
    ],
    ipsets: [...ipsets.values()],
  };
}
