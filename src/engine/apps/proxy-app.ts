// The layer-7 proxies podpath knows, as applications behind sockets: ingress-nginx's
// controller (nginx with its Lua balancer, image registry.k8s.io/ingress-nginx/controller)
// and the Envoy proxy Envoy Gateway runs for a Gateway (image envoyproxy/envoy, labelled
// with its owning Gateway). Besides the ports their containers declare, they hold sockets of
// their own: ingress-nginx's default server on 8181, the controller's health and metrics on
// 10254 and nginx's Lua and status servers on loopback (10245-10247); Envoy's listeners
// (the Gateway's ports, shifted by 10000 below 1024), its admin interface on loopback 19000
// and the shutdown manager's 19002.
import type { Cluster, ClusterPod, Listener } from '../cluster/types';
import { isIngressNginxImage } from '../ingress/controller';
import { DEFAULT_SERVER_PORT } from '../ingress/upstreams';
import { envoyContainerPort, OWNING_GATEWAY_NAME, OWNING_GATEWAY_NAMESPACE } from '../model/gateway-infra';
import type { ContainerSpec } from '../model/types';

export type ProxyApp =
  | { readonly kind: 'proxy'; readonly proxy: 'ingress-nginx'; readonly name: string; readonly tls: boolean; readonly role: 'http' | 'default-server' }
  | { readonly kind: 'proxy'; readonly proxy: 'envoy'; readonly name: string; readonly tls: boolean; readonly gateway: { readonly namespace: string; readonly name: string }; readonly listenerPort: number };

const isEnvoyImage = (image: string) => /(^|\/)envoyproxy\/envoy(:|@|$)/.test(image);

/** The Gateway an Envoy pod serves, from the labels Envoy Gateway puts on it. */
export function owningGateway(pod: ClusterPod): { readonly namespace: string; readonly name: string } | undefined {
  const name = pod.spec.labels[OWNING_GATEWAY_NAME];
  const namespace = pod.spec.labels[OWNING_GATEWAY_NAMESPACE];
  return name && namespace ? { namespace, name } : undefined;
}

function envoyListeners(cluster: Cluster, pod: ClusterPod): readonly { readonly containerPort: number; readonly port: number; readonly tls: boolean }[] {
  const gw = owningGateway(pod);
  const doc = gw && cluster.scenario.routing.gateways.find((g) => g.namespace === gw.namespace && g.name === gw.name)?.doc;
  const out: { containerPort: number; port: number; tls: boolean }[] = [];
  for (const l of doc?.spec.listeners ?? []) {
    if ((l.protocol !== 'HTTP' && l.protocol !== 'HTTPS') || out.some((x) => x.port === l.port)) continue;
    out.push({ containerPort: envoyContainerPort(l.port), port: l.port, tls: l.protocol === 'HTTPS' });
  }
  return out;
}

/** The proxy behind a container's socket, if the container is one. */
export function proxyApp(cluster: Cluster, pod: ClusterPod, c: ContainerSpec, l: Listener): ProxyApp | undefined {
  if (l.proto !== 'tcp') return undefined;
  if (isIngressNginxImage(c.image)) {
    if (l.port === 80 || l.port === 443) return { kind: 'proxy', proxy: 'ingress-nginx', name: 'ingress-nginx (nginx)', tls: l.port === 443, role: 'http' };
    if (l.port === DEFAULT_SERVER_PORT) return { kind: 'proxy', proxy: 'ingress-nginx', name: 'nginx\'s default server', tls: false, role: 'default-server' };
    return undefined;
  }
  const gateway = isEnvoyImage(c.image) ? owningGateway(pod) : undefined;
  if (!gateway) return undefined;
  const listener = envoyListeners(cluster, pod).find((x) => x.containerPort === l.port);
  return listener ? { kind: 'proxy', proxy: 'envoy', name: 'Envoy', tls: listener.tls, gateway, listenerPort: listener.port } : undefined;
}

/** The sockets a proxy container opens beyond its declared ports. */
export function proxySockets(cluster: Cluster, pod: ClusterPod, c: ContainerSpec, owner: string): Listener[] {
  const tcp = (port: number, addr = '0.0.0.0'): Listener => ({ proto: 'tcp', port, addr, owner });
  if (isIngressNginxImage(c.image)) return [tcp(DEFAULT_SERVER_PORT), tcp(10254), tcp(10245, '127.0.0.1'), tcp(10246, '127.0.0.1'), tcp(10247, '127.0.0.1')];
  if (isEnvoyImage(c.image) && owningGateway(pod)) return [...envoyListeners(cluster, pod).map((x) => tcp(x.containerPort)), tcp(19000, '127.0.0.1')];
  if (c.name === 'shutdown-manager' && owningGateway(pod)) return [tcp(19002)];
  return [];
}

/** How a view names a proxy pod's role: "ingress-nginx proxy", "Envoy proxy of Gateway default/eg". */
export function proxyRole(pod: ClusterPod): string | undefined {
  if (pod.spec.containers.some((c) => isIngressNginxImage(c.image))) return 'ingress-nginx proxy';
  const gw = pod.spec.containers.some((c) => isEnvoyImage(c.image)) ? owningGateway(pod) : undefined;
  return gw ? `Envoy proxy of Gateway ${gw.namespace}/${gw.name}` : undefined;
}
