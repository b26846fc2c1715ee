// The one catalogue of NetworkPolicy wording: how a policy, a rule, a peer and a port read, why
// a connection was denied ("no policy selecting x/a allows ingress from y/b on TCP 80; policies
// considered: x/p (selects x/a; allows from namespace y on TCP 81)"), and which rule allowed
// one. Every plugin's hop text takes its words from here.
import { cidrText, parseCidr } from '../lib/ip';
import type { LabelSelectorSpec, NetworkPolicySpec, PolicyPeer, PolicyPort, PolicyRule } from '../model/netpol-types';
import type { Protocol } from '../model/types';
import type { Connection, Direction, DirectionDecision, RuleMatch } from './evaluate';
import { selectorIsEmpty, selectorText } from './selector';
import type { PolicyEndpoint, PolicyPod } from './world';

const NAME_LABEL = 'kubernetes.io/metadata.name';

export const policyKey = (p: NetworkPolicySpec): string => `${p.namespace}/${p.name}`;

/** "x/a", "node kind-worker (172.18.0.3)", "203.0.113.10". */
export function endpointText(e: PolicyEndpoint): string {
  if (e.pod) return e.pod.key;
  if (e.node) return `node ${e.node} (${e.ip})`;
  return e.ip;
}

export const portText = (protocol: Protocol | 'ICMP', port: number): string => (protocol === 'ICMP' ? 'ICMP' : `${protocol} ${port}`);

/** The namespace a selector picks, when it is the one-name form ("namespace y"). */
function oneNamespace(sel: LabelSelectorSpec): string | undefined {
  const keys = Object.keys(sel.matchLabels);
  return sel.matchExpressions.length === 0 && keys.length === 1 && keys[0] === NAME_LABEL ? sel.matchLabels[NAME_LABEL] : undefined;
}

function namespacesText(sel: LabelSelectorSpec): string {
  if (selectorIsEmpty(sel)) return 'every namespace';
  const one = oneNamespace(sel);
  return one !== undefined ? `namespace ${one}` : `namespaces ${selectorText(sel)}`;
}

function cidrWords(cidr: string): string {
  const canonical = cidrText(parseCidr(cidr));
  return canonical === cidr ? cidr : `${cidr} (host bits ignored: ${canonical})`;
}

/** How one peer of a policy in namespace `ns` reads. */
export function peerText(ns: string, peer: PolicyPeer): string {
  switch (peer.kind) {
    case 'ipBlock':
      return `${cidrWords(peer.cidr)}${peer.except.length > 0 ? ` except ${peer.except.join(', ')}` : ''}`;
    case 'pods': {
      const pods = peer.podSelector === undefined || selectorIsEmpty(peer.podSelector) ? undefined : `pods ${selectorText(peer.podSelector)}`;
      if (!peer.namespaceSelector) return pods ? `${pods} in namespace ${ns}` : `every pod in namespace ${ns}`;
      const where = namespacesText(peer.namespaceSelector);
      return pods ? `${pods} in ${where}` : where === 'every namespace' ? 'every pod in every namespace' : where;
    }
  }
}

/** "TCP 81", "TCP serve-81-tcp", "TCP 8000-8080", "any SCTP port". */
export function policyPortText(p: PolicyPort): string {
  if (p.port === undefined) return `any ${p.protocol} port`;
  return `${p.protocol} ${p.port}${p.endPort !== undefined ? `-${p.endPort}` : ''}`;
}

/** One rule: "from namespace y on TCP 81", "to anywhere on any port". */
export function ruleText(ns: string, rule: PolicyRule, dir: Direction): string {
  const peers = rule.peers.length === 0 ? 'anywhere' : rule.peers.map((p) => peerText(ns, p)).join(' or ');
  const ports = rule.ports.length === 0 ? 'any port' : rule.ports.map(policyPortText).join(' or ');
  return `${dir === 'ingress' ? 'from' : 'to'} ${peers} on ${ports}`;
}

/** "selects x/a; allows from namespace y on TCP 81" (or "allows no ingress"). */
export function policySummary(p: NetworkPolicySpec, subject: PolicyPod, dir: Direction): string {
  const rules = dir === 'ingress' ? p.ingress : p.egress;
  const allows = rules.length === 0 ? `allows no ${dir}` : `allows ${rules.map((r) => ruleText(p.namespace, r, dir)).join(', or ')}`;
  return `selects ${subject.key}; ${allows}`;
}

const towards = (dir: Direction, c: Connection) => (dir === 'ingress' ? `from ${endpointText(c.src)}` : `to ${endpointText(c.dst)}`);

/** Why a direction denied the connection, in one sentence. */
export function deniedText(d: DirectionDecision, c: Connection): string {
  const subject = d.subject?.key ?? endpointText(d.direction === 'ingress' ? c.dst : c.src);
  const considered = d.subject ? d.policies.map((p) => `${policyKey(p)} (${policySummary(p, d.subject!, d.direction)})`).join(', ') : '';
  return `no policy selecting ${subject} allows ${d.direction} ${towards(d.direction, c)} on ${portText(c.protocol, c.port)}; policies considered: ${considered}`;
}

/** The rule that allowed a direction: "x/p allows it: ingress rule 1, from namespace y on TCP 81". */
export function matchText(m: RuleMatch, dir: Direction): string {
  const rules = dir === 'ingress' ? m.policy.ingress : m.policy.egress;
  return `${policyKey(m.policy)} allows it: ${dir} rule ${m.rule + 1}, ${ruleText(m.policy.namespace, rules[m.rule]!, dir)}`;
}

/** What a direction's decision was, for an allowed connection's hop. */
export function directionText(d: DirectionDecision, c: Connection): string {
  switch (d.verdict.kind) {
    case 'not-isolated':
      return d.subject ? `no policy selects ${d.subject.key} for ${d.direction}, so it is not isolated` : `${endpointText(d.direction === 'ingress' ? c.dst : c.src)} is not a pod, so no ${d.direction} policy applies`;
    case 'local-node':
      return `${d.direction} from ${d.subject!.key}'s own node ${d.verdict.node} is always allowed`;
    case 'allowed':
      return matchText(d.verdict.match, d.direction);
    case 'denied':
      return deniedText(d, c);
  }
}
