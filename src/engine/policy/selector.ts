// Label selectors as Kubernetes evaluates them (metav1.LabelSelectorAsSelector, then
// labels.Selector.Matches): every matchLabels pair and every expression must hold; an empty
// selector selects everything. selectorText prints one the way labels.Selector's String()
// does (kubectl shows it): requirements sorted by key, `k=v`, `k in (a,b)`, `k notin (a)`,
// `k` (Exists) and `!k` (DoesNotExist), joined by commas.
import { assertNever } from '../lib/assert';
import type { LabelSelectorSpec } from '../model/netpol-types';

export type Labels = Readonly<Record<string, string>>;

export function selectorMatches(sel: LabelSelectorSpec, labels: Labels): boolean {
  for (const k in sel.matchLabels) if (labels[k] !== sel.matchLabels[k]) return false;
  for (const r of sel.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.operator) {
      case 'In': if (!has || !r.values.includes(labels[r.key]!)) return false; break;
      case 'NotIn': if (has && r.values.includes(labels[r.key]!)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return assertNever(r.operator, 'selector operator');
    }
  }
  return true;
}

export function selectorIsEmpty(sel: LabelSelectorSpec): boolean {
  return sel.matchExpressions.length === 0 && Object.keys(sel.matchLabels).length === 0;
}

/** labels.Selector.String(): "" for the empty selector. */
export function selectorText(sel: LabelSelectorSpec): string {
  const parts: { key: string; text: string }[] = Object.keys(sel.matchLabels).map((k) => ({ key: k, text: `${k}=${sel.matchLabels[k]}` }));
  for (const r of sel.matchExpressions) {
    const values = [...r.values].sort().join(',');
    switch (r.operator) {
      case 'In': parts.push({ key: r.key, text: `${r.key} in (${values})` }); break;
      case 'NotIn': parts.push({ key: r.key, text: `${r.key} notin (${values})` }); break;
      case 'Exists': parts.push({ key: r.key, text: r.key }); break;
      case 'DoesNotExist': parts.push({ key: r.key, text: `!${r.key}` }); break;
      default: return assertNever(r.operator, 'selector operator');
    }
  }
  return parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((p) => p.text).join(',');
}
