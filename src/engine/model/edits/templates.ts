// What a new object looks like when the learner adds one from the graph: the smallest
// manifest a real cluster accepts, in the field order `kubectl create ... --dry-run=client
// -o yaml` prints, with a name that is free ("pod", "pod-2" ...). Field names follow the
// Kubernetes API reference (core/v1 Pod and Service, apps/v1 Deployment, networking.k8s.io/v1
// Ingress and NetworkPolicy).
import type { ScenarioDocs } from './docs';
import type { ContainerInit, Labels, NewObject, ServicePortInit } from './types';

export const DEFAULT_CONTAINER: ContainerInit = { name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] };

const BASE_NAME: Record<Exclude<NewObject['kind'], 'Node'>, string> = {
  Pod: 'pod', Deployment: 'deployment', Service: 'service', Ingress: 'ingress', NetworkPolicy: 'policy', Namespace: 'namespace',
};

/** The first of `base`, `base-2`, `base-3` ... that `taken` does not hold. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Names of the objects of `kind` in namespace `ns` (every namespace for cluster-scoped kinds). */
export function namesOf(docs: ScenarioDocs, kind: string, ns?: string): Set<string> {
  return new Set(docs.ofKind(kind)
    .filter((d) => ns === undefined || (d.getIn(['metadata', 'namespace']) ?? 'default') === ns)
    .map((d) => String(d.getIn(['metadata', 'name']))));
}

export function nameFor(docs: ScenarioDocs, obj: Exclude<NewObject, { kind: 'Node' }>): string {
  if (obj.name) return obj.name;
  const ns = obj.kind === 'Namespace' ? undefined : obj.namespace ?? 'default';
  return uniqueName(BASE_NAME[obj.kind], namesOf(docs, obj.kind, ns));
}

function container(c: ContainerInit): Record<string, unknown> {
  const ports = (c.ports ?? []).map((p) => ({ containerPort: p.containerPort, ...(p.name ? { name: p.name } : {}), ...(p.protocol && p.protocol !== 'TCP' ? { protocol: p.protocol } : {}) }));
  return { name: c.name, image: c.image, ...(ports.length > 0 ? { ports } : {}) };
}

export const containerBody = container;

export function servicePort(p: ServicePortInit): Record<string, unknown> {
  return {
    ...(p.name ? { name: p.name } : {}), ...(p.protocol && p.protocol !== 'TCP' ? { protocol: p.protocol } : {}),
    port: p.port, ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}), ...(p.nodePort ? { nodePort: p.nodePort } : {}),
  };
}

const meta = (name: string, namespace: string, labels?: Labels) => ({
  name, namespace, ...(labels && Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
});

/** The manifest of a new object (not a Node: nodes live in the kind Cluster document). */
export function manifestOf(obj: Exclude<NewObject, { kind: 'Node' }>, name: string): Record<string, unknown> {
  const ns = obj.kind === 'Namespace' ? '' : obj.namespace ?? 'default';
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.labels ?? { app: name };
      return {
        apiVersion: 'v1', kind: 'Pod', metadata: meta(name, ns, labels),
        spec: { ...(obj.node ? { nodeName: obj.node } : {}), containers: (obj.containers ?? [DEFAULT_CONTAINER]).map(container) },
      };
    }
    case 'Deployment': {
      const labels = obj.labels && Object.keys(obj.labels).length > 0 ? obj.labels : { app: name };
      return {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, ns),
        spec: {
          replicas: obj.replicas ?? 1, selector: { matchLabels: { ...labels } },
          template: { metadata: { labels: { ...labels } }, spec: { containers: (obj.containers ?? [DEFAULT_CONTAINER]).map(container) } },
        },
      };
    }
    case 'Service': {
      const ports = obj.ports ?? [{ name: 'http', port: 80, targetPort: 80 }];
      return {
        apiVersion: 'v1', kind: 'Service', metadata: meta(name, ns),
        spec: {
          ...(obj.type && obj.type !== 'ClusterIP' ? { type: obj.type } : {}),
          ...(obj.selector && Object.keys(obj.selector).length > 0 ? { selector: { ...obj.selector } } : {}),
          ports: ports.map(servicePort),
        },
      };
    }
    case 'Ingress':
      return {
        apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta(name, ns),
        spec: {
          rules: [{
            ...(obj.host ? { host: obj.host } : {}),
            http: { paths: [{ path: obj.path ?? '/', pathType: 'Prefix', backend: { service: { name: obj.service, port: { number: obj.port } } } }] },
          }],
        },
      };
    case 'NetworkPolicy':
      return {
        apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta(name, ns),
        spec: {
          podSelector: obj.podSelector && Object.keys(obj.podSelector).length > 0 ? { matchLabels: { ...obj.podSelector } } : {},
          policyTypes: ['Ingress'],
          ...(obj.allowFrom ? { ingress: [{ from: [{ podSelector: { matchLabels: { ...obj.allowFrom } } }] }] } : {}),
        },
      };
    case 'Namespace':
      return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  }
}
