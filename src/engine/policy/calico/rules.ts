// A Kubernetes NetworkPolicy's rules as Calico renders them, in three steps as Calico takes
// them (v3.32): libcalico-go's converter makes one Calico rule per protocol and peer
// (k8sRuleToCalico, SimplifyPorts); felix's rule scanner turns selectors and named ports into
// IP set ids (ruleToParsedRule); and felix's renderer writes iptables rules, with match
// blocks where one rule cannot say it (ProtoRuleToIptablesRules, matchBlockBuilder): several
// port groups, or a CIDR with except blocks.
import { cidrText, parseCidr } from '../../lib/ip';
import type { NetworkPolicySpec, PolicyPeer, PolicyPort, PolicyRule } from '../../model/netpol-types';
import { ipsetName, uniqueId } from './ids';
import { A, M, type FelixRule } from './render';
import { peerSelector, selectorString, type CalicoSelector } from './selector';

/** felix's mark bits, allocated in order from the default IptablesMarkMask 0xffff0000 (dataplane/driver.go). */
export interface MarkBits { readonly accept: number; readonly pass: number; readonly scratch0: number; readonly scratch1: number }
/** v3.30 and later allocate a drop bit after pass. */
export const MARKS: MarkBits = { accept: 0x10000, pass: 0x20000, scratch0: 0x80000, scratch1: 0x100000 };
/** Up to v3.29 there was no drop bit. */
export const MARKS_V3_29: MarkBits = { accept: 0x10000, pass: 0x20000, scratch0: 0x40000, scratch1: 0x80000 };

type Proto = 'tcp' | 'udp' | 'sctp';
/** A destination port: a number range, or a name resolved through an IP set of (address, port). */
type CalicoPort = { readonly kind: 'range'; readonly first: number; readonly last: number } | { readonly kind: 'named'; readonly name: string };

/** One Calico rule: protocol (absent: any), the peer, the destination ports. */
interface CalicoRule {
  readonly protocol?: Proto;
  readonly selector?: CalicoSelector;
  readonly nets: readonly string[];
  readonly notNets: readonly string[];
  readonly ports: readonly CalicoPort[];
}

/** An IP set a rule refers to: the endpoints a selector picks, or their (address, port) for a named port. */
export type IpsetDef =
  | { readonly kind: 'selector'; readonly name: string; readonly selector: CalicoSelector }
  | { readonly kind: 'named-port'; readonly name: string; readonly selector: CalicoSelector; readonly port: string; readonly protocol: Proto | 'any' };

const canonical = (cidr: string) => cidrText(parseCidr(cidr));

function portOf(p: PolicyPort): CalicoPort | undefined {
  if (p.port === undefined) return undefined;
  if (typeof p.port === 'string') return { kind: 'named', name: p.port };
  return { kind: 'range', first: p.port, last: p.endPort ?? p.port };
}

/** SimplifyPorts: named ports first as given, numeric ports merged into sorted ranges (a lone port stays as given). */
function simplify(ports: readonly CalicoPort[]): CalicoPort[] {
  if (ports.length <= 1) return [...ports];
  const named = ports.filter((p) => p.kind === 'named');
  const numbers = ports.flatMap((p) => (p.kind === 'range' ? Array.from({ length: p.last - p.first + 1 }, (_, i) => p.first + i) : [])).sort((a, b) => a - b);
  if (numbers.length <= 1) return [...ports];
  const out: CalicoPort[] = [...named];
  for (let i = 0; i < numbers.length;) {
    const first = numbers[i]!;
    let last = first;
    while (i + 1 < numbers.length && numbers[i + 1]! <= last + 1) last = numbers[++i]!;
    i++;
    out.push({ kind: 'range', first, last });
  }
  return out;
}

function peerFields(ns: string, peer: PolicyPeer | undefined): Pick<CalicoRule, 'selector' | 'nets' | 'notNets'> {
  if (!peer) return { nets: [], notNets: [] };
  if (peer.kind === 'ipBlock') return { nets: [canonical(peer.cidr)], notNets: peer.except.map(canonical) };
  return { selector: peerSelector(peer.podSelector, peer.namespaceSelector, ns), nets: [], notNets: [] };
}

/** k8sRuleToCalico: one rule per protocol (sorted) and peer; no ports means any protocol and port. */
function k8sRuleToCalico(ns: string, rule: PolicyRule): CalicoRule[] {
  const byProto = new Map<string, CalicoPort[] | null>();
  for (const p of rule.ports.length > 0 ? rule.ports : [undefined]) {
    if (!p) { byProto.clear(); byProto.set('', null); break; }
    const proto = p.protocol.toLowerCase();
    const cp = portOf(p);
    if (!cp) byProto.set(proto, null);
    else if (!byProto.has(proto) || byProto.get(proto) !== null) byProto.set(proto, [...(byProto.get(proto) ?? []), cp]);
  }
  const out: CalicoRule[] = [];
  for (const proto of [...byProto.keys()].sort()) {
    const ports = simplify(byProto.get(proto) ?? []);
    for (const peer of rule.peers.length > 0 ? rule.peers : [undefined]) {
      out.push({ ...(proto ? { protocol: proto as Proto } : {}), ...peerFields(ns, peer), ports });
    }
  }
  return out;
}

/** SplitPortList: groups of at most 15 multiport slots (a range takes two). */
function splitPorts(ports: readonly (readonly [number, number])[]): (readonly [number, number])[][] {
  const out: (readonly [number, number])[][] = [];
  let cur: (readonly [number, number])[] = [];
  let slots = 15;
  for (const p of ports) {
    const need = p[0] === p[1] ? 1 : 2;
    if (slots < need) { out.push(cur); cur = []; slots = 15; }
    cur.push(p);
    slots -= need;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export interface RuleContext {
  readonly marks: MarkBits;
  /** Registers an IP set the rules refer to. */
  readonly useIpset: (def: IpsetDef) => void;
}

function selectorSet(ctx: RuleContext, sel: CalicoSelector): string {
  const name = ipsetName(uniqueId('s', selectorString(sel)));
  ctx.useIpset({ kind: 'selector', name, selector: sel });
  return name;
}

function namedPortSet(ctx: RuleContext, sel: CalicoSelector, port: string, protocol: Proto | 'any'): string {
  const selId = uniqueId('s', selectorString(sel));
  const name = ipsetName(uniqueId('n', `${selId},${protocol},${port}`));
  ctx.useIpset({ kind: 'named-port', name, selector: sel, port, protocol });
  return name;
}

/** ProtoRuleToIptablesRules for an allow rule of an inbound (ingress) or outbound (egress) policy. */
function renderRule(ctx: RuleContext, r: CalicoRule, inbound: boolean): FelixRule[] {
  const numeric = r.ports.flatMap((p) => (p.kind === 'range' ? [[p.first, p.last] as const] : []));
  const named = r.ports.flatMap((p) => (p.kind === 'named' ? [p.name] : []));
  // The peer's selector filters the named-port sets on its side (only the destination here).
  const dstSel = inbound ? undefined : r.selector;
  const namedSets = named.map((n) => namedPortSet(ctx, dstSel ?? { kind: 'all' }, n, r.protocol ?? 'any'));
  const peerSet = r.selector && (inbound || numeric.length > 0 || named.length === 0) ? selectorSet(ctx, r.selector) : undefined;
  const blocks: FelixRule[] = [];
  let usingBlocks = false;
  const start = (initial: number) => {
    if (!usingBlocks) blocks.push({ action: A.setMaskedMark(initial, ctx.marks.scratch0 | ctx.marks.scratch1) });
    usingBlocks = true;
  };
  let mainPorts = splitPorts(numeric);
  let mainNamed = namedSets;
  const proto = r.protocol ? [M.proto(r.protocol)] : [];
  if (mainPorts.length + namedSets.length > 1) {
    start(0);
    for (const split of mainPorts) blocks.push({ match: [...proto, M.dstPorts(split)], action: A.setMark(ctx.marks.scratch0) });
    for (const s of namedSets) blocks.push({ match: [M.dstIpPortSet(s)], action: A.setMark(ctx.marks.scratch0) });
    mainPorts = [];
    mainNamed = [];
  }
  const net = inbound ? M.srcNet : M.dstNet;
  if (r.nets.length + r.notNets.length > 1) {
    start(ctx.marks.scratch0);
    for (const n of r.notNets) blocks.push({ match: [net(n)], action: A.clearMark(ctx.marks.scratch0) });
  }
  const match = [
    ...proto,
    ...(inbound && r.nets[0] ? [M.srcNet(r.nets[0])] : []),
    ...(inbound && peerSet ? [M.srcSet(peerSet)] : []),
    ...(!inbound && r.nets[0] ? [M.dstNet(r.nets[0])] : []),
    ...(!inbound && peerSet ? [M.dstSet(peerSet)] : []),
    ...mainPorts.map(M.dstPorts),
    ...mainNamed.map(M.dstIpPortSet),
    ...(usingBlocks ? [M.markSet(ctx.marks.scratch0)] : []),
  ];
  return [...blocks, { match, action: A.setMark(ctx.marks.accept) }, { match: [M.markSet(ctx.marks.accept)], action: A.ret }];
}

/** The rules of a policy's cali-pi- (ingress) or cali-po- (egress) chain. */
export function policyChainRules(ctx: RuleContext, p: NetworkPolicySpec, inbound: boolean): FelixRule[] {
  const rules = (inbound ? p.ingress : p.egress).flatMap((r) => k8sRuleToCalico(p.namespace, r)).flatMap((r) => renderRule(ctx, r, inbound));
  // Trailing RETURN rules do nothing: felix strips them, then puts the chain comment on the first rule.
  while (rules.length > 0 && rules[rules.length - 1]!.action === A.ret) rules.pop();
  const comment = `KubernetesNetworkPolicy ${p.namespace}/${p.name} ${inbound ? 'ingress' : 'egress'}`;
  if (rules.length === 0) return [{ comments: [comment] }];
  return [{ ...rules[0]!, comments: [...(rules[0]!.comments ?? []), comment] }, ...rules.slice(1)];
}
