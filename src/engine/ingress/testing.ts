// Test support: a kind cluster with the ingress-nginx addon and one echo pod behind a
// Service per backend name, the given Ingresses applied, and a way to ask where the
// controller sends a request, in a word: the Service's name, "default-backend" for the
// controller's own 404, "503", or "301 /foo/" for a redirect.
import { clusterFrom } from '../testing/build';
import type { Cluster } from '../cluster/types';
import { nginxController, servesIngress } from './controller';
import { buildNginxModel, type NginxModel } from './servers';
import { routeNginx, type NginxDecision } from './route';
import { worldOf } from './upstreams';

export function backends(names: readonly string[], ns = 'default'): string {
  return names.map((n) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${n}, namespace: ${ns}, labels: {app: ${n}}}
spec:
  containers: [{name: echo, image: traefik/whoami, ports: [{containerPort: 80, name: http}]}]
---
apiVersion: v1
kind: Service
metadata: {name: ${n}, namespace: ${ns}}
spec:
  selector: {app: ${n}}
  ports: [{name: http, port: 80, targetPort: http}]
`).join('');
}

export const ADDON = `apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec: {addons: [ingress-nginx]}
`;

export interface NginxLab {
  readonly cluster: Cluster;
  readonly model: NginxModel;
  decide(host: string, target: string, scheme?: 'http' | 'https'): NginxDecision;
  /** The decision in a word. */
  where(host: string, target: string, scheme?: 'http' | 'https'): string;
}

export function nginxLab(ingresses: string, services: readonly string[], extra = ''): NginxLab {
  const cluster = clusterFrom(`${ADDON}${backends(services)}${extra}---\n${ingresses}`);
  const pod = cluster.pods.find((p) => p.spec.namespace === 'ingress-nginx')!;
  const ctl = nginxController(cluster, pod)!;
  const served = cluster.scenario.routing.ingresses.filter((i) => servesIngress(cluster, ctl, i).serves);
  const model = buildNginxModel(ctl, served, worldOf(cluster));
  const decide = (host: string, target: string, scheme: 'http' | 'https' = 'http') => routeNginx(model, ctl.settings, { host, target, scheme });
  return {
    cluster, model, decide,
    where(host, target, scheme) {
      const d = decide(host, target, scheme);
      if (d.kind === 'respond') return d.redirect ? `${d.status} ${d.redirect.replace(/^https?:\/\/[^/]*/, '') || '(no path)'}` : String(d.status);
      return d.upstream.name === 'upstream-default-backend' ? 'default-backend' : d.upstream.service!.split('/')[1]!;
    },
  };
}

/** An Ingress document from a compact path list: [path, pathType, service]. */
export function ingressDoc(name: string, host: string | undefined, paths: readonly (readonly [string, string, string])[], extraSpec = '', annotations = ''): string {
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${annotations ? `  annotations:\n${annotations}` : ''}spec:
  ingressClassName: nginx
${extraSpec}  rules:
  - ${host ? `host: "${host}"\n    ` : ''}http:
      paths:
${paths.map(([p, t, s]) => `      - {path: "${p}", pathType: ${t}, backend: {service: {name: ${s}, port: {number: 80}}}}`).join('\n')}
`;
}
