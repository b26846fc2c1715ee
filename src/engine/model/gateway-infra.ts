// What Envoy Gateway's infrastructure manager creates for each Gateway of one of its
// GatewayClasses (internal/infrastructure/kubernetes/proxy): a Deployment of Envoy and a
// LoadBalancer Service in envoy-gateway-system, both named
// envoy-<namespace>-<name>-<first 8 hex of sha256("<namespace>/<name>")> (the namespace and
// name cut at 48 characters), labelled with the owning Gateway. Each listener port gets a
// Service port named <protocol>-<port>; a port below 1024 is served on port + 10000 in the
// pod (the proxy runs unprivileged), so listener 80 is container port 10080.
import { sha256Hex } from '../lib/hash';
import * as S from './schemas';
import type { GatewayDoc } from './schemas-routing';
import { ENVOY_GATEWAY_NS, ENVOY_GATEWAY_VERSION } from './addons';
import type { Routed, RoutingObjects } from './types';

export const ENVOY_GATEWAY_CONTROLLER = 'gateway.envoyproxy.io/gatewayclass-controller';
export const ENVOY_PROXY_IMAGE = 'docker.io/envoyproxy/envoy:distroless-v1.39.0';
export const OWNING_GATEWAY_NAME = 'gateway.envoyproxy.io/owning-gateway-name';
export const OWNING_GATEWAY_NAMESPACE = 'gateway.envoyproxy.io/owning-gateway-namespace';

/** translator.go: minEphemeralPort and wellKnownPortShift. */
export function envoyContainerPort(listenerPort: number): number {
  return listenerPort < 1024 ? listenerPort + 10000 : listenerPort;
}

/** utils.GetHashedName(ns/name, 48), prefixed with "envoy-" (proxy.ExpectedResourceHashedName). */
export function envoyProxyName(namespace: string, name: string): string {
  const full = `${namespace}/${name}`;
  const hash = sha256Hex(full).slice(0, 8);
  let resource = full.replaceAll('/', '-');
  if (resource.length > 48) resource = resource.slice(0, 48).replace(/-+$/, '');
  return `envoy-${resource}-${hash}`;
}

export interface GatewayInfra {
  readonly deployments: readonly { readonly doc: S.DeploymentDoc; readonly gateway: Routed<GatewayDoc> }[];
  readonly services: readonly { readonly doc: S.ServiceDoc; readonly gateway: Routed<GatewayDoc> }[];
}

/** The listener ports a Gateway's proxy serves: one per distinct port and protocol, in listener order. */
export function gatewayPorts(gw: GatewayDoc): readonly { readonly name: string; readonly port: number; readonly containerPort: number; readonly protocol: string }[] {
  const out: { name: string; port: number; containerPort: number; protocol: string }[] = [];
  for (const l of gw.spec.listeners) {
    if (out.some((p) => p.port === l.port)) continue;
    out.push({ name: `${l.protocol.toLowerCase()}-${l.port}`, port: l.port, containerPort: envoyContainerPort(l.port), protocol: l.protocol });
  }
  return out;
}

/** The Envoy Deployments and Services for the Gateways Envoy Gateway manages (none without its controller). */
export function gatewayInfra(routing: RoutingObjects, controllerInstalled: boolean): GatewayInfra {
  if (!controllerInstalled) return { deployments: [], services: [] };
  const ours = new Set(routing.gatewayClasses.filter((c) => c.doc.spec.controllerName === ENVOY_GATEWAY_CONTROLLER).map((c) => c.name));
  const deployments: GatewayInfra['deployments'][number][] = [];
  const services: GatewayInfra['services'][number][] = [];
  for (const g of routing.gateways) {
    if (!ours.has(g.doc.spec.gatewayClassName)) continue;
    const ports = gatewayPorts(g.doc).filter((p) => p.protocol === 'HTTP' || p.protocol === 'HTTPS');
    if (ports.length === 0) continue;
    const name = envoyProxyName(g.namespace, g.name);
    const labels = {
      'app.kubernetes.io/component': 'proxy', 'app.kubernetes.io/managed-by': 'envoy-gateway', 'app.kubernetes.io/name': 'envoy',
      [OWNING_GATEWAY_NAME]: g.name, [OWNING_GATEWAY_NAMESPACE]: g.namespace,
    };
    const metadata = { name, namespace: ENVOY_GATEWAY_NS, labels };
    deployments.push({
      gateway: g,
      doc: S.deployment.parse({
        apiVersion: 'apps/v1', kind: 'Deployment', metadata,
        spec: {
          selector: { matchLabels: labels },
          template: {
            metadata: { labels, annotations: { 'prometheus.io/path': '/stats/prometheus', 'prometheus.io/port': '19001', 'prometheus.io/scrape': 'true' } },
            spec: {
              containers: [
                { name: 'envoy', image: ENVOY_PROXY_IMAGE, args: ['--service-cluster', g.name, '--service-node', '$(ENVOY_POD_NAME)'], ports: [{ containerPort: 19001, name: 'metrics' }, { containerPort: 19003, name: 'readiness' }] },
                { name: 'shutdown-manager', image: `docker.io/envoyproxy/gateway:v${ENVOY_GATEWAY_VERSION}`, args: ['envoy', 'shutdown-manager'] },
              ],
            },
          },
        },
      }),
    });
    services.push({
      gateway: g,
      doc: S.service.parse({
        apiVersion: 'v1', kind: 'Service', metadata,
        spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: labels, ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: 'TCP', targetPort: p.containerPort })) },
      }),
    });
  }
  return { deployments, services };
}
