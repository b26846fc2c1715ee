// The EndpointSlice controller's part: for each Service with a selector, the pods of its
// namespace whose labels match, with their readiness, their node, and each Service port's
// targetPort resolved against the pod (a named targetPort finds the container port of that
// name; a pod without it is left out for that port). EndpointSlices written by hand serve
// Services without a selector; default/kubernetes points at the API servers.
import type { ClusterPod, ClusterNode } from '../cluster/types';
import type { StoredManifest } from '../model/types';
import type { EndpointSliceDoc } from '../model/schemas';
import { podSuffix } from '../model/replicaset';
import type { EndpointModel, ServiceEndpoints, ServiceModel } from './types';

function matches(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

function resolvePorts(svc: ServiceModel, pod: ClusterPod): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of svc.ports) {
    if (typeof p.targetPort === 'number') { out.set(p.name, p.targetPort); continue; }
    for (const c of pod.spec.containers) {
      const hit = c.ports.find((cp) => cp.name === p.targetPort && cp.protocol === p.protocol);
      if (hit) { out.set(p.name, hit.containerPort); break; }
    }
  }
  return out;
}

function fromSlices(svc: ServiceModel, slices: readonly StoredManifest[]): ServiceEndpoints {
  const endpoints: EndpointModel[] = [];
  for (const m of slices) {
    const doc = m.body as unknown as EndpointSliceDoc;
    const ports = new Map<string, number>();
    for (const p of doc.ports) ports.set(p.name ?? '', p.port);
    for (const e of doc.endpoints) {
      const ready = e.conditions?.ready ?? true;
      for (const ip of e.addresses) {
        endpoints.push({
          ip, nodeName: e.nodeName, ready, serving: e.conditions?.serving ?? ready, terminating: e.conditions?.terminating ?? false, ports,
        });
      }
    }
  }
  return { service: svc.key, slices: slices.map((s) => s.name), endpoints };
}

export function buildEndpoints(
  services: readonly ServiceModel[], pods: readonly ClusterPod[], nodes: readonly ClusterNode[], given: readonly StoredManifest[],
): Map<string, ServiceEndpoints> {
  const out = new Map<string, ServiceEndpoints>();
  const byNamespace = new Map<string, ClusterPod[]>();
  for (const p of pods) {
    const list = byNamespace.get(p.spec.namespace) ?? [];
    list.push(p);
    byNamespace.set(p.spec.namespace, list);
  }
  const slicesByService = new Map<string, StoredManifest[]>();
  for (const m of given) {
    const name = (m.body.metadata as { labels?: Record<string, string> } | undefined)?.labels?.['kubernetes.io/service-name'];
    if (name === undefined) continue;
    const key = `${m.namespace}/${name}`;
    const list = slicesByService.get(key) ?? [];
    list.push(m);
    slicesByService.set(key, list);
  }
  for (const svc of services) {
    if (svc.key === 'default/kubernetes') {
      const ports = new Map([['https', 6443]]);
      const endpoints = nodes.filter((n) => n.role === 'control-plane').map((n) => ({ ip: n.ip, nodeName: n.name, ready: true, serving: true, terminating: false, ports }));
      out.set(svc.key, { service: svc.key, slices: ['kubernetes'], endpoints });
      continue;
    }
    if (svc.type === 'ExternalName') continue;
    if (!svc.selector || Object.keys(svc.selector).length === 0) {
      out.set(svc.key, fromSlices(svc, slicesByService.get(svc.key) ?? []));
      continue;
    }
    const endpoints: EndpointModel[] = [];
    for (const pod of byNamespace.get(svc.namespace) ?? []) {
      if (!matches(svc.selector, pod.spec.labels)) continue;
      endpoints.push({
        ip: pod.ip, nodeName: pod.node, ready: pod.spec.ready, serving: pod.spec.ready, terminating: false,
        podKey: pod.key, ports: resolvePorts(svc, pod),
      });
    }
    out.set(svc.key, { service: svc.key, slices: [`${svc.name}-${podSuffix(`slice/${svc.key}`, 0, new Set())}`], endpoints });
  }
  return out;
}
