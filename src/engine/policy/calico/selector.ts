// Calico's selectors for what a Kubernetes NetworkPolicy turns into (libcalico-go
// conversion.k8sSelectorToCalico, updateprocessors.getEndpointSelector) as an AST that prints
// the way felix's parser prints a parsed selector (selector/parser/ast.go collectFragments:
// `k == "v"`, `k in {"a", "b"}`, `k not in {"a"}`, `has(k)`, `!has(k)`, `all()`, and
// parenthesised `(a && b)`), because felix names its IP sets after that text. The raw text
// felix is given (single quotes, the spelling a policy's own selector keeps) prints too.
import type { LabelSelectorSpec } from '../../model/netpol-types';
import type { Labels } from '../selector';

export type CalicoSelector =
  | { readonly kind: 'eq'; readonly key: string; readonly value: string }
  | { readonly kind: 'in' | 'notin'; readonly key: string; readonly values: readonly string[] }
  | { readonly kind: 'has'; readonly key: string }
  | { readonly kind: 'not'; readonly of: CalicoSelector }
  | { readonly kind: 'and'; readonly of: readonly CalicoSelector[] }
  | { readonly kind: 'all' };

export const NAMESPACE_LABEL = 'projectcalico.org/namespace';
export const ORCHESTRATOR_LABEL = 'projectcalico.org/orchestrator';
export const SERVICE_ACCOUNT_LABEL = 'projectcalico.org/serviceaccount';
/** Namespace labels as a workload endpoint inherits them from its kns.<ns> profile. */
export const NAMESPACE_PREFIX = 'pcns.';

const eq = (key: string, value: string): CalicoSelector => ({ kind: 'eq', key, value });
const and = (of: readonly CalicoSelector[]): CalicoSelector => (of.length === 1 ? of[0]! : { kind: 'and', of });

/** k8sSelectorToCalico's terms in its order: matchLabels by sorted key, then the expressions as written. */
function terms(s: LabelSelectorSpec, prefix: string): CalicoSelector[] {
  const out: CalicoSelector[] = Object.keys(s.matchLabels).sort().map((k) => eq(prefix + k, s.matchLabels[k]!));
  for (const e of s.matchExpressions) {
    switch (e.operator) {
      case 'In': out.push({ kind: 'in', key: prefix + e.key, values: e.values }); break;
      case 'NotIn': out.push({ kind: 'notin', key: prefix + e.key, values: e.values }); break;
      case 'Exists': out.push({ kind: 'has', key: prefix + e.key }); break;
      case 'DoesNotExist': out.push({ kind: 'not', of: { kind: 'has', key: prefix + e.key } }); break;
    }
  }
  return out;
}

/** A pod selector: `projectcalico.org/orchestrator == 'k8s' && <terms>`. */
export function podSelector(s: LabelSelectorSpec | undefined): CalicoSelector[] {
  return [eq(ORCHESTRATOR_LABEL, 'k8s'), ...(s ? terms(s, '') : [])];
}

/** The selector a policy applies to: `(<pod selector>) && projectcalico.org/namespace == '<ns>'`. */
export function policySelector(podSel: LabelSelectorSpec, ns: string): CalicoSelector {
  return { kind: 'and', of: [and(podSelector(podSel)), eq(NAMESPACE_LABEL, ns)] };
}

/**
 * A rule peer's endpoints (getEndpointSelector): the namespace part (its selector over the
 * inherited pcns. labels, every namespace as has(projectcalico.org/namespace), or the policy's
 * own namespace) and the pod part, as `(<ns part>) && (<pod part>)`.
 */
export function peerSelector(pods: LabelSelectorSpec | undefined, namespaces: LabelSelectorSpec | undefined, ns: string): CalicoSelector {
  let nsPart: CalicoSelector;
  if (namespaces) {
    const t = terms(namespaces, NAMESPACE_PREFIX);
    nsPart = t.length === 0 ? { kind: 'has', key: NAMESPACE_LABEL } : and(t);
  } else nsPart = eq(NAMESPACE_LABEL, ns);
  return { kind: 'and', of: [nsPart, and(podSelector(pods))] };
}

/** The text felix's parser prints (and names IP sets after). */
export function selectorString(s: CalicoSelector): string {
  const q = (v: string) => (v.includes('"') ? `'${v}'` : `"${v}"`);
  switch (s.kind) {
    case 'eq': return `${s.key} == ${q(s.value)}`;
    case 'in': return `${s.key} in {${[...s.values].sort().map(q).join(', ')}}`;
    case 'notin': return `${s.key} not in {${[...s.values].sort().map(q).join(', ')}}`;
    case 'has': return `has(${s.key})`;
    case 'not': return `!${selectorString(s.of)}`;
    case 'and': return `(${s.of.map(selectorString).join(' && ')})`;
    case 'all': return 'all()';
  }
}

/** A term as k8sSelectorToCalico spells it (single quotes), for the raw selector text. */
function rawTerm(t: CalicoSelector): string {
  switch (t.kind) {
    case 'eq': return `${t.key} == '${t.value}'`;
    case 'in': return `${t.key} in { '${t.values.join("', '")}' }`;
    case 'notin': return `${t.key} not in { '${t.values.join("', '")}' }`;
    case 'has': return `has(${t.key})`;
    case 'not': return `! ${rawTerm(t.of)}`;
    case 'and': return t.of.map(rawTerm).join(' && ');
    case 'all': return 'all()';
  }
}

/**
 * A policy's selector as felix receives it, unparsed (ConvertNetworkPolicyV3ToV1Value:
 * `(<spec.selector>) && projectcalico.org/namespace == '<ns>'`): felix groups the policies of
 * an endpoint by this text.
 */
export function policyRawSelector(podSel: LabelSelectorSpec, ns: string): string {
  return `(${podSelector(podSel).map(rawTerm).join(' && ')}) && ${NAMESPACE_LABEL} == '${ns}'`;
}

const has = (labels: Labels, key: string) => Object.prototype.hasOwnProperty.call(labels, key);

export function selectorEvaluate(s: CalicoSelector, labels: Labels): boolean {
  switch (s.kind) {
    case 'eq': return labels[s.key] === s.value;
    case 'in': return has(labels, s.key) && s.values.includes(labels[s.key]!);
    case 'notin': return !has(labels, s.key) || !s.values.includes(labels[s.key]!);
    case 'has': return has(labels, s.key);
    case 'not': return !selectorEvaluate(s.of, labels);
    case 'and': return s.of.every((o) => selectorEvaluate(o, labels));
    case 'all': return true;
  }
}
