// An ingress-nginx controller as its pod configures it: the command-line flags it reads
// (cmd/nginx/flags.go: --ingress-class, --controller-class, --watch-ingress-without-class,
// --ingress-class-by-name, --default-backend-service, --configmap) and the settings of its
// ConfigMap (internal/ingress/controller/config/config.go, with the defaults of
// NewDefault()), and which Ingresses it serves (store.GetIngressClass).
import type { Cluster, ClusterPod } from '../cluster/types';
import type { IngressDoc } from '../model/schemas-routing';
import { LEGACY_CLASS_ANNOTATION } from '../model/routing-objects';
import type { Routed } from '../model/types';

export interface NginxSettings {
  readonly useForwardedHeaders: boolean;
  readonly computeFullForwardedFor: boolean;
  readonly forwardedForHeader: string;
  readonly useProxyProtocol: boolean;
  readonly sslRedirect: boolean;
  readonly hsts: boolean;
  readonly hstsMaxAge: string;
  readonly hstsIncludeSubdomains: boolean;
  readonly serviceUpstream: boolean;
  readonly loadBalance: string;
  readonly httpRedirectCode: number;
}

export interface NginxController {
  /** NAMESPACE/POD of the controller pod. */
  readonly pod: string;
  readonly namespace: string;
  readonly ingressClass: string;
  readonly controllerClass: string;
  readonly watchWithoutClass: boolean;
  readonly classByName: boolean;
  readonly defaultBackendService?: string;
  /** NAMESPACE/NAME of the ConfigMap it reads, when it names one. */
  readonly configMap?: string;
  readonly settings: NginxSettings;
}

export const NGINX_DEFAULTS: NginxSettings = {
  useForwardedHeaders: false, computeFullForwardedFor: false, forwardedForHeader: 'X-Forwarded-For', useProxyProtocol: false,
  sslRedirect: true, hsts: true, hstsMaxAge: '31536000', hstsIncludeSubdomains: true, serviceUpstream: false, loadBalance: 'round_robin',
  httpRedirectCode: 308,
};

/** The controller's image: registry.k8s.io/ingress-nginx/controller (or a mirror keeping the path). */
export function isIngressNginxImage(image: string): boolean {
  return /(^|\/)ingress-nginx\/controller(:|@|$)/.test(image);
}

/** Go's flag package: --name=value, --name value, and a bare --name for a boolean. */
function flags(args: readonly string[], env: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  const expand = (s: string) => s.replace(/\$\((\w+)\)/g, (m, k: string) => env[k] ?? m);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--?([\w-]+)(?:=(.*))?$/s.exec(a);
    if (!m) continue;
    const next = args[i + 1];
    const value = m[2] ?? (next !== undefined && !next.startsWith('-') ? (i++, next) : 'true');
    out.set(m[1]!, expand(value));
  }
  return out;
}

const bool = (v: string | undefined, d: boolean) => (v === undefined ? d : v === 'true' || v === '1' || v === 'True');

function configMapData(cluster: Cluster, key: string | undefined): Readonly<Record<string, string>> {
  if (!key) return {};
  const [ns, name] = key.split('/');
  const cm = cluster.scenario.other.find((o) => o.kind === 'ConfigMap' && o.namespace === ns && o.name === name);
  const data = (cm?.body as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object') return {};
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** The configuration of the ingress-nginx controller running in a pod (its container of the controller image). */
export function nginxController(cluster: Cluster, pod: ClusterPod): NginxController | undefined {
  const c = pod.spec.containers.find((x) => isIngressNginxImage(x.image));
  if (!c) return undefined;
  const f = flags(c.args ?? [], { POD_NAMESPACE: pod.spec.namespace, POD_NAME: pod.spec.name });
  const configMap = f.get('configmap');
  const d = configMapData(cluster, configMap);
  const settings: NginxSettings = {
    useForwardedHeaders: bool(d['use-forwarded-headers'], NGINX_DEFAULTS.useForwardedHeaders),
    computeFullForwardedFor: bool(d['compute-full-forwarded-for'], NGINX_DEFAULTS.computeFullForwardedFor),
    forwardedForHeader: d['forwarded-for-header'] ?? NGINX_DEFAULTS.forwardedForHeader,
    useProxyProtocol: bool(d['use-proxy-protocol'], NGINX_DEFAULTS.useProxyProtocol),
    sslRedirect: bool(d['ssl-redirect'], NGINX_DEFAULTS.sslRedirect),
    hsts: bool(d.hsts, NGINX_DEFAULTS.hsts),
    hstsMaxAge: d['hsts-max-age'] ?? NGINX_DEFAULTS.hstsMaxAge,
    hstsIncludeSubdomains: bool(d['hsts-include-subdomains'], NGINX_DEFAULTS.hstsIncludeSubdomains),
    serviceUpstream: bool(d['service-upstream'], NGINX_DEFAULTS.serviceUpstream),
    loadBalance: d['load-balance'] ?? NGINX_DEFAULTS.loadBalance,
    httpRedirectCode: Number(d['http-redirect-code'] ?? NGINX_DEFAULTS.httpRedirectCode) || NGINX_DEFAULTS.httpRedirectCode,
  };
  const dbs = f.get('default-backend-service');
  return {
    pod: pod.key, namespace: pod.spec.namespace,
    ingressClass: f.get('ingress-class') ?? 'nginx',
    controllerClass: f.get('controller-class') ?? 'k8s.io/ingress-nginx',
    watchWithoutClass: bool(f.get('watch-ingress-without-class'), false),
    classByName: bool(f.get('ingress-class-by-name'), false),
    ...(dbs ? { defaultBackendService: dbs } : {}),
    ...(configMap ? { configMap } : {}),
    settings,
  };
}

/** Why a controller serves an Ingress or leaves it alone (store.GetIngressClass and the IngressClass informer's filter). */
export function servesIngress(cluster: Cluster, ctl: NginxController, ing: Routed<IngressDoc>): { readonly serves: boolean; readonly why: string } {
  const className = ing.doc.spec.ingressClassName;
  if (className !== undefined) {
    const cls = cluster.scenario.routing.ingressClasses.find((c) => c.name === className);
    if (!cls) return { serves: false, why: `IngressClass ${className} does not exist` };
    const ours = cls.doc.spec.controller === ctl.controllerClass || (ctl.classByName && cls.name === ctl.ingressClass);
    return ours ? { serves: true, why: `ingressClassName ${className} (controller ${cls.doc.spec.controller})` }
      : { serves: false, why: `IngressClass ${className} belongs to controller ${cls.doc.spec.controller ?? '(none)'}, not ${ctl.controllerClass}` };
  }
  const legacy = ing.doc.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
  if (legacy !== undefined) {
    return legacy === ctl.ingressClass ? { serves: true, why: `annotation ${LEGACY_CLASS_ANNOTATION}: ${legacy}` }
      : { serves: false, why: `annotation ${LEGACY_CLASS_ANNOTATION}: ${legacy} is not ${ctl.ingressClass}` };
  }
  return ctl.watchWithoutClass ? { serves: true, why: 'no class, and the controller runs with --watch-ingress-without-class' }
    : { serves: false, why: 'the Ingress names no IngressClass and none is the default' };
}
