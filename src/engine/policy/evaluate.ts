// NetworkPolicy semantics as the networking.k8s.io/v1 API describes them. A pod is isolated
// for ingress (egress) when a policy selecting it names Ingress (Egress) in its policyTypes;
// policies add up: a connection is allowed in a direction if any rule of any such policy
// matches it. A connection needs both the source pod's egress and the destination pod's
// ingress to allow it. Traffic from the destination pod's own node is always allowed in
// (kubelet probes). Only a connection's first packet is decided: answers pass as conntrack
// relates them. Host-network pods are their node, as most plugins treat them.
import { cidrContains, ipToInt, parseCidr } from '../lib/ip';
import type { NetworkPolicySpec, PolicyPeer, PolicyPort, PolicyRule, PolicyType } from '../model/netpol-types';
import type { Protocol } from '../model/types';
import { selectorMatches } from './selector';
import type { PolicyEndpoint, PolicyPod, PolicyWorld } from './world';

export type Direction = 'ingress' | 'egress';

export interface Connection {
  readonly src: PolicyEndpoint;
  readonly dst: PolicyEndpoint;
  /** ICMP has no ports: only a rule without ports matches it. */
  readonly protocol: Protocol | 'ICMP';
  /** The destination port as the pod sees it (after any Service DNAT). */
  readonly port: number;
}

/** The rule that let a connection through: indexes into the policy's ingress or egress rules. */
export interface RuleMatch {
  readonly policy: NetworkPolicySpec;
  readonly rule: number;
  /** Which peer matched (absent when the rule has no peers). */
  readonly peer?: number;
  /** Which port matched (absent when the rule has no ports). */
  readonly port?: number;
}

export type DirectionVerdict =
  /** No policy selects the pod for this direction (or the end is not a pod). */
  | { readonly kind: 'not-isolated' }
  /** Ingress from the pod's own node: always allowed. */
  | { readonly kind: 'local-node'; readonly node: string }
  | { readonly kind: 'allowed'; readonly match: RuleMatch }
  | { readonly kind: 'denied' };

export interface DirectionDecision {
  readonly direction: Direction;
  /** The pod whose policies decide: the destination for ingress, the source for egress. */
  readonly subject?: PolicyPod;
  /** The policies selecting the subject for this direction (isolating it when not empty). */
  readonly policies: readonly NetworkPolicySpec[];
  readonly verdict: DirectionVerdict;
}

export interface PolicyDecision {
  readonly connection: Connection;
  readonly egress: DirectionDecision;
  readonly ingress: DirectionDecision;
  readonly allowed: boolean;
}

const cidrs = new Map<string, ReturnType<typeof parseCidr>>();
function cidrOf(text: string) {
  let c = cidrs.get(text);
  if (!c) cidrs.set(text, (c = parseCidr(text)));
  return c;
}

/** ipBlock: inside cidr (host bits ignored) and in none of its except blocks. It matches any address, pod addresses too. */
export function ipBlockMatches(peer: Extract<PolicyPeer, { kind: 'ipBlock' }>, ip: string): boolean {
  const n = ipToInt(ip);
  return cidrContains(cidrOf(peer.cidr), n) && !peer.except.some((e) => cidrContains(cidrOf(e), n));
}

/** Whether a peer of a policy in namespace `ns` matches the other end of the connection. */
export function peerMatches(world: PolicyWorld, ns: string, peer: PolicyPeer, other: PolicyEndpoint): boolean {
  switch (peer.kind) {
    case 'ipBlock':
      return ipBlockMatches(peer, other.ip);
    case 'pods': {
      const pod = other.pod;
      if (!pod) return false;
      if (peer.namespaceSelector) {
        if (!selectorMatches(peer.namespaceSelector, world.namespaceLabels(pod.namespace))) return false;
      } else if (pod.namespace !== ns) return false;
      return peer.podSelector === undefined || selectorMatches(peer.podSelector, pod.labels);
    }
  }
}

/** A named port is resolved against the destination pod's container ports, in both directions. */
export function portMatches(p: PolicyPort, protocol: Protocol | 'ICMP', port: number, dstPod: PolicyPod | undefined): boolean {
  if (p.protocol !== protocol) return false;
  if (p.port === undefined) return true;
  if (typeof p.port === 'number') return p.endPort === undefined ? port === p.port : port >= p.port && port <= p.endPort;
  return dstPod !== undefined && dstPod.ports.some((cp) => cp.name === p.port && cp.containerPort === port && cp.protocol === protocol);
}

function ruleMatch(world: PolicyWorld, policy: NetworkPolicySpec, rules: readonly PolicyRule[], other: PolicyEndpoint, c: Connection): RuleMatch | undefined {
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    let port: number | undefined;
    if (r.ports.length > 0) {
      port = r.ports.findIndex((p) => portMatches(p, c.protocol, c.port, c.dst.pod));
      if (port < 0) continue;
    }
    let peer: number | undefined;
    if (r.peers.length > 0) {
      peer = r.peers.findIndex((p) => peerMatches(world, policy.namespace, p, other));
      if (peer < 0) continue;
    }
    return { policy, rule: i, ...(peer !== undefined ? { peer } : {}), ...(port !== undefined ? { port } : {}) };
  }
  return undefined;
}

function direction(world: PolicyWorld, c: Connection, dir: Direction): DirectionDecision {
  const subject = dir === 'ingress' ? c.dst.pod : c.src.pod;
  const other = dir === 'ingress' ? c.src : c.dst;
  if (!subject) return { direction: dir, policies: [], verdict: { kind: 'not-isolated' } };
  const type: PolicyType = dir === 'ingress' ? 'Ingress' : 'Egress';
  const policies = world.selecting(subject, type);
  if (policies.length === 0) return { direction: dir, subject, policies, verdict: { kind: 'not-isolated' } };
  if (dir === 'ingress' && other.node === subject.node) return { direction: dir, subject, policies, verdict: { kind: 'local-node', node: subject.node } };
  for (const p of policies) {
    const m = ruleMatch(world, p, dir === 'ingress' ? p.ingress : p.egress, other, c);
    if (m) return { direction: dir, subject, policies, verdict: { kind: 'allowed', match: m } };
  }
  return { direction: dir, subject, policies, verdict: { kind: 'denied' } };
}

export const passes = (d: DirectionDecision): boolean => d.verdict.kind !== 'denied';

/** The API's answer for a connection's first packet: egress of the source, then ingress of the destination. */
export function decide(world: PolicyWorld, c: Connection): PolicyDecision {
  const egress = direction(world, c, 'egress');
  const ingress = direction(world, c, 'ingress');
  return { connection: c, egress, ingress, allowed: passes(egress) && passes(ingress) };
}

/** One direction only, for a plugin that checks where the packet leaves or arrives. */
export function decideDirection(world: PolicyWorld, c: Connection, dir: Direction): DirectionDecision {
  return direction(world, c, dir);
}
