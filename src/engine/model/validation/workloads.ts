// Deployments as apps/v1 validation takes them (pkg/apis/apps/validation ValidateDeploymentSpec):
// a selector is required, may not be empty, and must select the pod template's labels;
// matchExpressions are well formed (metav1validation.ValidateLabelSelector).
import type { Located } from '../parse';
import type { DeploymentDoc } from '../schemas';
import { forbidden, invalid, notSupported, required } from './field-errors';
import { labelKey, selectorIsEmpty, selectorMatches, SELECTOR_OPERATORS, type LabelSelector, type SelectorRequirement } from './labels';
import type { CheckContext } from './context';

function expressions(ctx: CheckContext, w: Parameters<CheckContext['out']['error']>[0], raw: unknown, path: string): SelectorRequirement[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) { ctx.out.error(w, path, invalid(raw, 'must be a list of label selector requirements')); return []; }
  const out: SelectorRequirement[] = [];
  raw.forEach((e: unknown, i) => {
    const at = `${path}[${i}]`;
    const r = (e ?? {}) as { key?: unknown; operator?: unknown; values?: unknown };
    if (typeof r.key !== 'string') { ctx.out.error(w, `${at}.key`, required()); return; }
    for (const m of labelKey(r.key)) ctx.out.error(w, `${at}.key`, invalid(r.key, m));
    const values = Array.isArray(r.values) ? r.values.map(String) : undefined;
    const op = String(r.operator ?? '');
    if (!(SELECTOR_OPERATORS as readonly string[]).includes(op)) ctx.out.error(w, `${at}.operator`, notSupported(op, SELECTOR_OPERATORS));
    else if ((op === 'In' || op === 'NotIn') && (values?.length ?? 0) === 0) ctx.out.error(w, `${at}.values`, required("must be specified when `operator` is 'In' or 'NotIn'"));
    else if ((op === 'Exists' || op === 'DoesNotExist') && (values?.length ?? 0) > 0) ctx.out.error(w, `${at}.values`, forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    out.push({ key: r.key, operator: op, ...(values ? { values } : {}) });
  });
  return out;
}

function checkDeployment(ctx: CheckContext, d: Located<DeploymentDoc>): void {
  const m = d.value.metadata;
  const w = { doc: d.doc, line: d.line([]), fields: d.fields, object: `Deployment ${m.namespace ?? 'default'}/${m.name}` };
  const sel = d.value.spec.selector as (LabelSelector & { matchExpressions?: unknown }) | undefined;
  if (sel === undefined) { ctx.out.error(w, 'spec.selector', required()); return; }
  const selector: LabelSelector = { matchLabels: sel.matchLabels ?? {}, matchExpressions: expressions(ctx, w, sel.matchExpressions, 'spec.selector.matchExpressions') };
  if (selectorIsEmpty(selector)) { ctx.out.error(w, 'spec.selector', invalid(sel, 'empty selector is invalid for deployment')); return; }
  const labels = d.value.spec.template.metadata?.labels ?? {};
  if (!selectorMatches(selector, labels)) ctx.out.error(w, 'spec.template.metadata.labels', invalid(labels, '`selector` does not match template `labels`'));
}

export function checkDeployments(ctx: CheckContext): void {
  for (const d of ctx.parsed.deployments) checkDeployment(ctx, d);
}
