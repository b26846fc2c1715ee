// The routing objects of a scenario as the API server stores them: Ingresses (with the
// DefaultIngressClass admission plugin's ingressClassName filled in), IngressClasses,
// GatewayClasses, Gateways and HTTPRoutes, each with its source and creation time, and the
// checks that span documents (two objects of one name).
import type { Located } from './parse';
import type * as R from './schemas-routing';
import type { Routed, RoutingObjects, ScenarioError } from './types';

export interface ParsedRouting {
  readonly ingresses: readonly Located<R.IngressDoc>[];
  readonly ingressClasses: readonly Located<R.IngressClassDoc>[];
  readonly gatewayClasses: readonly Located<R.GatewayClassDoc>[];
  readonly gateways: readonly Located<R.GatewayDoc>[];
  readonly httpRoutes: readonly Located<R.HttpRouteDoc>[];
}

export const EMPTY_ROUTING: RoutingObjects = { ingresses: [], ingressClasses: [], gatewayClasses: [], gateways: [], httpRoutes: [] };

/** The annotation that makes an IngressClass the cluster's default. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** The annotation Ingresses named their class with before spec.ingressClassName. */
export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

type Doc = { metadata: { name: string; namespace?: string; creationTimestamp?: string } };

function routed<T extends Doc>(l: Located<T>, clusterScoped: boolean): Routed<T> {
  const t = l.value.metadata.creationTimestamp;
  const ms = t === undefined ? NaN : Date.parse(t);
  return {
    namespace: clusterScoped ? '' : l.value.metadata.namespace ?? 'default', name: l.value.metadata.name, doc: l.value,
    source: { doc: l.doc, line: l.line([]), fields: l.fields }, ...(Number.isFinite(ms) ? { created: Math.floor(ms / 1000) } : {}),
  };
}

function unique<T>(list: readonly Routed<T>[], kind: string, errors: ScenarioError[]): void {
  const seen = new Set<string>();
  for (const r of list) {
    const k = r.namespace ? `${r.namespace}/${r.name}` : r.name;
    if (seen.has(k)) errors.push({ doc: r.source.doc, line: r.source.line, object: `${kind} ${k}`, field: 'metadata.name', message: `a${/^[AEIOU]/.test(kind) ? 'n' : ''} ${kind} named ${k} already exists` });
    seen.add(k);
  }
}

export function routingObjects(p: ParsedRouting, addonClasses: readonly R.IngressClassDoc[], errors: ScenarioError[]): RoutingObjects {
  const ingressClasses = [
    ...addonClasses.map((doc): Routed<R.IngressClassDoc> => ({ namespace: '', name: doc.metadata.name, doc, source: { doc: 0, line: 0 } })),
    ...p.ingressClasses.map((l) => routed(l, true)),
  ];
  const defaults = ingressClasses.filter((c) => c.doc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  const ingresses = p.ingresses.map((l) => {
    const r = routed(l, false);
    const named = r.doc.spec.ingressClassName !== undefined || r.doc.metadata.annotations?.[LEGACY_CLASS_ANNOTATION] !== undefined;
    if (named || defaults.length === 0) return r;
    if (defaults.length > 1) {
      errors.push({ doc: r.source.doc, line: r.source.line, object: `Ingress ${r.namespace}/${r.name}`, field: 'spec.ingressClassName', message: `${defaults.length} IngressClasses are marked as default (${defaults.map((d) => d.name).join(', ')}): the admission controller refuses an Ingress without ingressClassName` });
      return r;
    }
    // The DefaultIngressClass admission plugin writes the default class into new Ingresses.
    return { ...r, doc: { ...r.doc, spec: { ...r.doc.spec, ingressClassName: defaults[0]!.name } } };
  });
  const out: RoutingObjects = {
    ingresses, ingressClasses,
    gatewayClasses: p.gatewayClasses.map((l) => routed(l, true)),
    gateways: p.gateways.map((l) => routed(l, false)),
    httpRoutes: p.httpRoutes.map((l) => routed(l, false)),
  };
  unique(out.ingresses, 'Ingress', errors);
  unique(out.ingressClasses, 'IngressClass', errors);
  unique(out.gatewayClasses, 'GatewayClass', errors);
  unique(out.gateways, 'Gateway', errors);
  unique(out.httpRoutes, 'HTTPRoute', errors);
  return out;
}
