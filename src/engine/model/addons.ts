// What `spec.addons` installs, named and labelled as the projects' own manifests name them:
// - ingress-nginx: the objects of deploy/static/provider/cloud/deploy.yaml (controller
//   v1.15.1) that carry traffic: Namespace ingress-nginx, the ConfigMap and the Deployment
//   ingress-nginx-controller, its LoadBalancer Service (externalTrafficPolicy: Local) and
//   the admission Service, and IngressClass nginx. RBAC, the admission Jobs and the webhook
//   configuration carry no packets and are left out.
// - envoy-gateway: Envoy Gateway v1.9.0's controller (charts/gateway-helm: Namespace
//   envoy-gateway-system, Deployment and Service envoy-gateway). The proxies it runs for
//   each Gateway are made in gateway-infra.ts.
// Objects the scenario defines itself (same kind, namespace and name) win over the addon's.
import type { z } from 'zod';
import * as S from './schemas';
import * as R from './schemas-routing';
import type { Addon } from './types';

export const INGRESS_NGINX_VERSION = '1.15.1';
export const INGRESS_NGINX_NS = 'ingress-nginx';
export const INGRESS_NGINX_CONTROLLER = 'ingress-nginx-controller';
export const INGRESS_NGINX_IMAGE = `registry.k8s.io/ingress-nginx/controller:v${INGRESS_NGINX_VERSION}`;
export const ENVOY_GATEWAY_VERSION = '1.9.0';
export const ENVOY_GATEWAY_NS = 'envoy-gateway-system';

const nginxLabels = {
  'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': INGRESS_NGINX_VERSION,
};
const nginxSelector = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };

const egLabels = { 'app.kubernetes.io/name': 'gateway-helm', 'app.kubernetes.io/instance': 'eg', 'control-plane': 'envoy-gateway' };

/** The documents an addon adds, as if they had been written in the scenario. */
export interface AddonDocs {
  readonly namespaces: readonly z.infer<typeof S.namespace>[];
  readonly deployments: readonly S.DeploymentDoc[];
  readonly services: readonly S.ServiceDoc[];
  readonly ingressClasses: readonly R.IngressClassDoc[];
  /** Kept as given (ConfigMaps). */
  readonly other: readonly Record<string, unknown>[];
}

function ingressNginx(): AddonDocs {
  const meta = { name: INGRESS_NGINX_CONTROLLER, namespace: INGRESS_NGINX_NS, labels: nginxLabels };
  return {
    namespaces: [S.namespace.parse({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: INGRESS_NGINX_NS, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } })],
    deployments: [S.deployment.parse({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta,
      spec: {
        selector: { matchLabels: nginxSelector },
        template: {
          metadata: { labels: nginxLabels },
          spec: {
            dnsPolicy: 'ClusterFirst', nodeSelector: { 'kubernetes.io/os': 'linux' },
            containers: [{
              name: 'controller', image: INGRESS_NGINX_IMAGE,
              args: ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader',
                '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert', '--validating-webhook-key=/usr/local/certificates/key'],
              ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443, name: 'https', protocol: 'TCP' }, { containerPort: 8443, name: 'webhook', protocol: 'TCP' }],
            }],
          },
        },
      },
    })],
    services: [
      S.service.parse({
        apiVersion: 'v1', kind: 'Service', metadata: meta,
        spec: {
          type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: nginxSelector,
          ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' }, { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' }],
        },
      }),
      S.service.parse({
        apiVersion: 'v1', kind: 'Service', metadata: { ...meta, name: `${INGRESS_NGINX_CONTROLLER}-admission` },
        spec: { type: 'ClusterIP', selector: nginxSelector, ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook', appProtocol: 'https' }] },
      }),
    ],
    ingressClasses: [R.ingressClass.parse({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', labels: nginxLabels }, spec: { controller: 'k8s.io/ingress-nginx' } })],
    other: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: null }],
  };
}

function envoyGateway(): AddonDocs {
  const meta = { name: 'envoy-gateway', namespace: ENVOY_GATEWAY_NS, labels: egLabels };
  const ports = [{ name: 'grpc', port: 18000 }, { name: 'ratelimit', port: 18001 }, { name: 'wasm', port: 18002 }, { name: 'metrics', port: 19001 }];
  return {
    namespaces: [S.namespace.parse({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ENVOY_GATEWAY_NS } })],
    deployments: [S.deployment.parse({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta,
      spec: {
        selector: { matchLabels: egLabels },
        template: {
          metadata: { labels: egLabels },
          spec: {
            containers: [{
              name: 'envoy-gateway', image: `docker.io/envoyproxy/gateway:v${ENVOY_GATEWAY_VERSION}`,
              args: ['server', '--config-path=/config/envoy-gateway.yaml'],
              ports: ports.map((p) => ({ containerPort: p.port, name: p.name })),
            }],
          },
        },
      },
    })],
    services: [S.service.parse({
      apiVersion: 'v1', kind: 'Service', metadata: meta,
      spec: { type: 'ClusterIP', selector: egLabels, ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port })) },
    })],
    ingressClasses: [],
    other: [],
  };
}

const key = (kind: string, ns: string | undefined, name: string) => `${kind}/${ns ?? ''}/${name}`;

/** The addons' documents, less any the scenario defines itself. */
export function addonDocs(addons: readonly Addon[], defined: ReadonlySet<string>): AddonDocs {
  const all = addons.map((a) => (a === 'ingress-nginx' ? ingressNginx() : envoyGateway()));
  const keep = <T extends { kind: string; metadata: { name: string; namespace?: string } }>(docs: readonly T[], clusterScoped = false) =>
    docs.filter((d) => !defined.has(key(d.kind, clusterScoped ? undefined : d.metadata.namespace ?? 'default', d.metadata.name)));
  return {
    namespaces: keep(all.flatMap((a) => a.namespaces), true),
    deployments: keep(all.flatMap((a) => a.deployments)),
    services: keep(all.flatMap((a) => a.services)),
    ingressClasses: keep(all.flatMap((a) => a.ingressClasses), true),
    other: keep(all.flatMap((a) => a.other) as { kind: string; metadata: { name: string; namespace?: string } }[]) as Record<string, unknown>[],
  };
}

/** The key addonDocs compares with: kind, namespace ('' for cluster-scoped kinds) and name. */
export function definedKey(kind: string, namespace: string | undefined, name: string): string {
  const clusterScoped = kind === 'Namespace' || kind === 'IngressClass' || kind === 'GatewayClass';
  return key(kind, clusterScoped ? undefined : namespace ?? 'default', name);
}
