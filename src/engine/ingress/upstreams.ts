// ingress-nginx's upstreams: the endpoints a backend's Service and port stand for, read from
// the EndpointSlices (controller.go serviceEndpoints, endpointslices.go
// getEndpointsFromSlices): the Service port whose number, targetPort or name is the Ingress's
// port, and every ready endpoint on it. With service-upstream the upstream is the Service's
// ClusterIP and port instead (getServiceClusterEndpoint), and kube-proxy picks the pod. The
// default backend, without --default-backend-service, is the controller's own server on
// 127.0.0.1:8181, which answers 404.
import type { Cluster } from '../cluster/types';
import type { IngressBackendDoc } from '../model/schemas-routing';
import type { ServiceEndpoints, ServiceModel } from '../services/types';
import type { NginxController } from './controller';

/** The controller's own default server (ListenPorts.Default). */
export const DEFAULT_SERVER_PORT = 8181;

export interface UpstreamEndpoint {
  readonly ip: string;
  readonly port: number;
  /** NAMESPACE/POD behind the endpoint, when there is one. */
  readonly pod?: string;
}

export interface Upstream {
  readonly name: string;
  /** NAMESPACE/NAME of the Service the backend names. */
  readonly service?: string;
  /** The backend's port as the Ingress wrote it (a number or a port name). */
  readonly servicePort?: string;
  readonly endpoints: readonly UpstreamEndpoint[];
  /** service-upstream: the one endpoint is the ClusterIP. */
  readonly viaClusterIP: boolean;
  readonly loadBalance: string;
  /** Why there is no endpoint, in words. */
  readonly problem?: string;
}

/** What an upstream is resolved against. */
export interface BackendWorld {
  service(key: string): ServiceModel | undefined;
  endpoints(key: string): ServiceEndpoints | undefined;
  secretExists(namespace: string, name: string): boolean;
}

export function worldOf(cluster: Cluster): BackendWorld {
  return {
    service: (k) => cluster.service(k),
    endpoints: (k) => cluster.endpoints.get(k),
    secretExists: (ns, name) => cluster.scenario.other.some((o) => o.kind === 'Secret' && o.namespace === ns && o.name === name),
  };
}

/** getEndpointsFromSlices for one Service port: ready endpoints, each address and port once. */
function readyEndpoints(svc: ServiceModel, portName: string, world: BackendWorld): UpstreamEndpoint[] {
  const seen = new Set<string>();
  const out: UpstreamEndpoint[] = [];
  for (const e of world.endpoints(svc.key)?.endpoints ?? []) {
    if (!e.ready) continue;
    const port = e.ports.get(portName);
    if (port === undefined) continue;
    const k = `${e.ip}:${port}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ip: e.ip, port, ...(e.podKey ? { pod: e.podKey } : {}) });
  }
  return out;
}

export function upstreamFor(name: string, namespace: string, b: IngressBackendDoc, serviceUpstream: boolean, loadBalance: string, world: BackendWorld): Upstream {
  const s = b.service!;
  const svcKey = `${namespace}/${s.name}`;
  const wanted = s.port.number !== undefined ? String(s.port.number) : s.port.name!;
  const base = { name, service: svcKey, servicePort: wanted, loadBalance };
  const svc = world.service(svcKey);
  if (!svc) return { ...base, endpoints: [], viaClusterIP: false, problem: `Service ${svcKey} does not exist` };
  if (svc.type === 'ExternalName') return { ...base, endpoints: [], viaClusterIP: false, problem: `Service ${svcKey} is an ExternalName Service, which podpath does not resolve for ingress-nginx` };
  if (serviceUpstream) {
    if (svc.clusterIP === null) return { ...base, endpoints: [], viaClusterIP: true, problem: `Service ${svcKey} has no ClusterIP for service-upstream` };
    const port = s.port.number ?? svc.ports.find((p) => p.name === s.port.name)?.port;
    if (port === undefined) return { ...base, endpoints: [], viaClusterIP: true, problem: `Service ${svcKey} has no port named ${s.port.name}` };
    return { ...base, endpoints: [{ ip: svc.clusterIP, port }], viaClusterIP: true };
  }
  // The port's number, its targetPort or its name may be what the Ingress names.
  const port = svc.ports.find((p) => String(p.port) === wanted || String(p.targetPort) === wanted || p.name === wanted);
  if (!port) return { ...base, endpoints: [], viaClusterIP: false, problem: `Service ${svcKey} has no port ${wanted}` };
  const endpoints = readyEndpoints(svc, port.name, world);
  return { ...base, endpoints, viaClusterIP: false, ...(endpoints.length === 0 ? { problem: `Service ${svcKey} has no ready endpoint` } : {}) };
}

/** getDefaultUpstream: --default-backend-service's first port, or the controller's own server. */
export function defaultUpstream(ctl: NginxController, world: BackendWorld): Upstream {
  const own: UpstreamEndpoint = { ip: '127.0.0.1', port: DEFAULT_SERVER_PORT, pod: ctl.pod };
  const base = { name: 'upstream-default-backend', viaClusterIP: false, loadBalance: ctl.settings.loadBalance };
  const svc = ctl.defaultBackendService ? world.service(ctl.defaultBackendService) : undefined;
  if (!svc || !svc.ports[0]) return { ...base, endpoints: [own] };
  const endpoints = readyEndpoints(svc, svc.ports[0].name, world);
  return { ...base, service: svc.key, servicePort: String(svc.ports[0].port), endpoints: endpoints.length > 0 ? endpoints : [own] };
}
