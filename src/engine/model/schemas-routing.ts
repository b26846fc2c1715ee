// zod schemas for the objects that route HTTP into a cluster: networking.k8s.io/v1 Ingress
// and IngressClass, and Gateway API's GatewayClass, Gateway and HTTPRoute
// (gateway.networking.k8s.io/v1). Validation follows the API server
// (k8s.io/kubernetes pkg/apis/networking/validation) and the Gateway API CRDs' schema and
// CEL rules for the fields podpath acts on; defaults are the CRDs' defaults. Unknown fields
// are kept, as in schemas.ts.
import { z } from 'zod';
import { labelName, portNumber, subdomainName } from './schemas';

const labels = z.record(z.string(), z.string());

/** Objects that name their creation time (kubectl get -o yaml) keep it: ingress-nginx and Gateway API order by it. */
const routingMetadata = z.looseObject({
  name: subdomainName,
  namespace: labelName.optional(),
  labels: labels.optional(),
  annotations: labels.optional(),
  creationTimestamp: z.string().optional(),
});

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ipLike = /^\d{1,3}(\.\d{1,3}){3}$/;

/** An Ingress rule's host: a DNS-1123 subdomain, or `*.` and one; never an IP address. */
const ingressHost = z.string().superRefine((h, ctx) => {
  if (ipLike.test(h)) ctx.addIssue({ code: 'custom', message: 'must be a DNS name, not an IP address' });
  else if (!dnsSubdomain.test(h.startsWith('*.') ? h.slice(2) : h)) ctx.addIssue({ code: 'custom', message: 'a wildcard host must be "*." followed by a DNS-1123 subdomain; other hosts must be DNS-1123 subdomains (lower-case letters, digits, "-" and ".")' });
});

const serviceBackendPort = z.looseObject({
  number: portNumber.optional(),
  name: z.string().optional(),
}).refine((p) => (p.number === undefined) !== (p.name === undefined), { message: 'exactly one of port.number and port.name must be set' });

export const ingressBackend = z.looseObject({
  service: z.looseObject({ name: labelName, port: serviceBackendPort }).optional(),
  resource: z.looseObject({ apiGroup: z.string().optional(), kind: z.string(), name: z.string() }).optional(),
}).refine((b) => (b.service === undefined) !== (b.resource === undefined), { message: 'a backend names exactly one of service and resource' });

/** What the API server refuses in an Exact or Prefix path (validateIngressHTTPIngressPath). */
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

const ingressPath = z.looseObject({
  path: z.string().optional(),
  pathType: z.enum(['Exact', 'Prefix', 'ImplementationSpecific'], { message: 'pathType must be Exact, Prefix or ImplementationSpecific (networking.k8s.io/v1 requires it)' }),
  backend: ingressBackend,
}).superRefine((p, ctx) => {
  if (p.pathType === 'ImplementationSpecific') {
    if (p.path && !p.path.startsWith('/')) ctx.addIssue({ code: 'custom', path: ['path'], message: 'must be an absolute path' });
    return;
  }
  if (p.path === undefined || !p.path.startsWith('/')) { ctx.addIssue({ code: 'custom', path: ['path'], message: `must be an absolute path (pathType ${p.pathType} needs one)` }); return; }
  const bad = INVALID_SEQUENCES.find((s) => p.path!.includes(s)) ?? INVALID_SUFFIXES.find((s) => p.path!.endsWith(s));
  if (bad) ctx.addIssue({ code: 'custom', path: ['path'], message: `must not contain '${bad}'` });
});

export const ingress = z.looseObject({
  apiVersion: z.literal('networking.k8s.io/v1', { message: 'podpath reads Ingress as networking.k8s.io/v1 (v1beta1 was removed in Kubernetes 1.22)' }),
  kind: z.literal('Ingress'),
  metadata: routingMetadata,
  spec: z.looseObject({
    ingressClassName: z.string().optional(),
    defaultBackend: ingressBackend.optional(),
    tls: z.array(z.looseObject({ hosts: z.array(ingressHost).default([]), secretName: z.string().optional() })).default([]),
    rules: z.array(z.looseObject({
      host: ingressHost.optional(),
      http: z.looseObject({ paths: z.array(ingressPath).min(1, 'an http rule needs at least one path') }).optional(),
    })).default([]),
  }).refine((s) => s.defaultBackend !== undefined || s.rules.length > 0, { message: 'either `defaultBackend` or `rules` must be specified' }),
});

export const ingressClass = z.looseObject({
  apiVersion: z.literal('networking.k8s.io/v1'),
  kind: z.literal('IngressClass'),
  metadata: routingMetadata,
  spec: z.looseObject({ controller: z.string().max(250).optional() }).default({}),
});

const GATEWAY_API = z.enum(['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1'], { message: 'Gateway API objects are gateway.networking.k8s.io/v1 (or v1beta1)' });

/** Gateway API's Hostname: a DNS-1123 subdomain, optionally `*.` and one. */
const gwHostname = z.string().max(253).regex(/^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'must be a hostname (lower case, optionally starting with "*."), not an IP address');

export const gatewayClass = z.looseObject({
  apiVersion: GATEWAY_API,
  kind: z.literal('GatewayClass'),
  metadata: routingMetadata,
  spec: z.looseObject({ controllerName: z.string().min(1) }),
});

const listener = z.looseObject({
  name: labelName,
  hostname: gwHostname.optional(),
  port: portNumber,
  protocol: z.string(),
  tls: z.looseObject({
    mode: z.enum(['Terminate', 'Passthrough']).default('Terminate'),
    certificateRefs: z.array(z.looseObject({ name: z.string(), namespace: z.string().optional(), kind: z.string().optional(), group: z.string().optional() })).default([]),
  }).optional(),
  allowedRoutes: z.looseObject({
    namespaces: z.looseObject({
      from: z.enum(['All', 'Same', 'Selector', 'None']).default('Same'),
      selector: z.looseObject({ matchLabels: labels.optional() }).optional(),
    }).default({ from: 'Same' }),
    kinds: z.array(z.looseObject({ group: z.string().optional(), kind: z.string() })).optional(),
  }).default({ namespaces: { from: 'Same' } }),
});

export const gateway = z.looseObject({
  apiVersion: GATEWAY_API,
  kind: z.literal('Gateway'),
  metadata: routingMetadata,
  spec: z.looseObject({
    gatewayClassName: z.string().min(1),
    listeners: z.array(listener).min(1, 'a Gateway needs at least one listener').max(64),
  }).superRefine((s, ctx) => {
    const names = new Set<string>();
    s.listeners.forEach((l, i) => {
      if (names.has(l.name)) ctx.addIssue({ code: 'custom', path: ['listeners', i, 'name'], message: `Listener name must be unique within the Gateway ("${l.name}" appears twice)` });
      names.add(l.name);
      if ((l.protocol === 'HTTPS' || l.protocol === 'TLS') && !l.tls) ctx.addIssue({ code: 'custom', path: ['listeners', i, 'tls'], message: `tls must be specified for protocol ${l.protocol}` });
      if (['HTTP', 'TCP', 'UDP'].includes(l.protocol) && l.tls) ctx.addIssue({ code: 'custom', path: ['listeners', i, 'tls'], message: "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']" });
      if (l.protocol === 'HTTPS' && l.tls && l.tls.mode !== 'Terminate') ctx.addIssue({ code: 'custom', path: ['listeners', i, 'tls', 'mode'], message: 'tls mode must be Terminate for protocol HTTPS' });
      const same = s.listeners.findIndex((o) => o.port === l.port && o.protocol === l.protocol && o.hostname === l.hostname);
      if (same !== i) ctx.addIssue({ code: 'custom', path: ['listeners', i], message: 'Combination of port, protocol and hostname must be unique for each listener' });
    });
  }),
});

const headerName = z.string().min(1).max(256).regex(/^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/, 'must be an HTTP header name');
const headerValue = z.looseObject({ name: headerName, value: z.string().max(4096) });

const headerModifier = z.looseObject({
  set: z.array(headerValue).default([]),
  add: z.array(headerValue).default([]),
  remove: z.array(z.string()).default([]),
});

const pathModifier = z.looseObject({
  type: z.enum(['ReplaceFullPath', 'ReplacePrefixMatch']),
  replaceFullPath: z.string().optional(),
  replacePrefixMatch: z.string().optional(),
});

export const httpRouteFilter = z.looseObject({
  type: z.enum(['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite', 'RequestMirror', 'ExtensionRef', 'CORS', 'ExternalAuth']),
  requestHeaderModifier: headerModifier.optional(),
  responseHeaderModifier: headerModifier.optional(),
  requestRedirect: z.looseObject({
    scheme: z.enum(['http', 'https']).optional(),
    hostname: gwHostname.optional(),
    path: pathModifier.optional(),
    port: portNumber.optional(),
    statusCode: z.union([z.literal(301), z.literal(302), z.literal(303), z.literal(307), z.literal(308)]).default(302),
  }).optional(),
  urlRewrite: z.looseObject({ hostname: gwHostname.optional(), path: pathModifier.optional() }).optional(),
});

const httpRouteMatch = z.looseObject({
  path: z.looseObject({
    type: z.enum(['Exact', 'PathPrefix', 'RegularExpression']).default('PathPrefix'),
    value: z.string().max(1024).default('/'),
  }).default({ type: 'PathPrefix', value: '/' }),
  headers: z.array(z.looseObject({ type: z.enum(['Exact', 'RegularExpression']).default('Exact'), name: headerName, value: z.string().max(4096) })).default([]),
  queryParams: z.array(z.looseObject({ type: z.enum(['Exact', 'RegularExpression']).default('Exact'), name: z.string().min(1), value: z.string().max(1024) })).default([]),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']).optional(),
}).superRefine((m, ctx) => {
  if (m.path.type === 'RegularExpression') return;
  const v = m.path.value;
  const types = "when type one of ['Exact', 'PathPrefix']";
  const at = { code: 'custom' as const, path: ['path', 'value'] };
  if (!v.startsWith('/')) ctx.addIssue({ ...at, message: `value must be an absolute path and start with '/' ${types}` });
  const bad = [...INVALID_SEQUENCES, '#'].find((x) => v.includes(x));
  if (bad) ctx.addIssue({ ...at, message: `must not contain '${bad}' ${types}` });
  const suffix = INVALID_SUFFIXES.find((x) => v.endsWith(x));
  if (suffix) ctx.addIssue({ ...at, message: `must not end with '${suffix}' ${types}` });
});

/** The CEL rules on a rule's filters (httproute_types.go). */
function checkFilters(filters: readonly { type: string }[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  if (filters.some((f) => f.type === 'RequestRedirect') && filters.some((f) => f.type === 'URLRewrite')) {
    ctx.addIssue({ code: 'custom', path, message: 'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both' });
  }
  for (const t of ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite', 'CORS']) {
    if (filters.filter((f) => f.type === t).length > 1) ctx.addIssue({ code: 'custom', path, message: `${t} filter cannot be repeated` });
  }
}

export const httpRoute = z.looseObject({
  apiVersion: GATEWAY_API,
  kind: z.literal('HTTPRoute'),
  metadata: routingMetadata,
  spec: z.looseObject({
    parentRefs: z.array(z.looseObject({
      group: z.string().default('gateway.networking.k8s.io'),
      kind: z.string().default('Gateway'),
      name: z.string().min(1),
      namespace: z.string().optional(),
      sectionName: z.string().optional(),
      port: portNumber.optional(),
    })).default([]),
    hostnames: z.array(gwHostname).max(16).default([]),
    rules: z.array(z.looseObject({
      name: z.string().optional(),
      matches: z.array(httpRouteMatch).max(64).default([{ path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] }]),
      filters: z.array(httpRouteFilter).max(16).default([]),
      backendRefs: z.array(z.looseObject({
        group: z.string().default(''),
        kind: z.string().default('Service'),
        name: z.string().min(1),
        namespace: z.string().optional(),
        port: portNumber.optional(),
        weight: z.number().int().min(0).max(1000000).default(1),
        filters: z.array(httpRouteFilter).default([]),
      })).default([]),
    })).max(16).default([{ matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] }], filters: [], backendRefs: [] }]),
  }).superRefine((spec, ctx) => {
    spec.rules.forEach((r, i) => {
      checkFilters(r.filters, ctx, ['rules', i, 'filters']);
      if (r.backendRefs.length > 0 && r.filters.some((f) => f.type === 'RequestRedirect')) {
        ctx.addIssue({ code: 'custom', path: ['rules', i], message: 'RequestRedirect filter must not be used together with backendRefs' });
      }
      const prefixReplace = r.filters.some((f) => (f.requestRedirect ?? f.urlRewrite)?.path?.type === 'ReplacePrefixMatch');
      if (prefixReplace && (r.matches.length !== 1 || r.matches[0]!.path.type !== 'PathPrefix')) {
        ctx.addIssue({ code: 'custom', path: ['rules', i], message: 'When using a RequestRedirect or URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified' });
      }
      r.filters.forEach((f, j) => {
        const field = { RequestHeaderModifier: 'requestHeaderModifier', ResponseHeaderModifier: 'responseHeaderModifier', RequestRedirect: 'requestRedirect', URLRewrite: 'urlRewrite' }[f.type as string] as keyof typeof f | undefined;
        if (field && f[field] === undefined) ctx.addIssue({ code: 'custom', path: ['rules', i, 'filters', j], message: `filter.${field} must be specified for ${f.type} filter.type` });
      });
    });
  }),
});

export type IngressDoc = z.infer<typeof ingress>;
export type IngressBackendDoc = z.infer<typeof ingressBackend>;
export type IngressClassDoc = z.infer<typeof ingressClass>;
export type GatewayClassDoc = z.infer<typeof gatewayClass>;
export type GatewayDoc = z.infer<typeof gateway>;
export type HttpRouteDoc = z.infer<typeof httpRoute>;
export type HttpRouteFilterDoc = z.infer<typeof httpRouteFilter>;
