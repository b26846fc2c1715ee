// What listens behind a socket: an application with behaviour. podpath picks it from the
// container image and the port (nginx, httpd, caddy, node, python, traefik/whoami → a web
// server; coredns → DNS; redis, postgres, mysql ... → a TCP server that speaks its own
// protocol), and the pod annotation `podpath.dev/app` overrides the choice: `http`, `https`,
// `dns`, `tcp` or `udp` for every container of the pod, or `<container>=<app>,...` per
// container. Processes on nodes and routers and hosts outside have their own.
import type { Cluster, Listener, Netns } from '../cluster/types';
import type { ContainerSpec, PodSpec } from '../model/types';
import { proxyApp, type ProxyApp } from './proxy-app';

export type HttpFlavour =
  /** nginx's own pages (the welcome page, its 404). */
  | 'nginx'
  /** Apache httpd's "It works!" page. */
  | 'httpd'
  /** An echo server in the style of traefik/whoami: it answers with what it saw (hostname, addresses, the request). */
  | 'echo'
  /** A web server somewhere on the internet. */
  | 'internet'
  /** A Kubernetes API (the API server, the kubelet): HTTPS only, anonymous requests refused. */
  | 'kube-api';

export type App =
  | { readonly kind: 'http'; readonly flavour: HttpFlavour; readonly name: string; readonly version?: string; readonly tls: boolean }
  /** coredns: the cluster's DNS; forwarder: a resolver that asks another (docker's embedded DNS); resolver: a public recursive resolver. */
  | { readonly kind: 'dns'; readonly role: 'coredns' | 'forwarder' | 'resolver'; readonly name: string }
  /** A server that speaks a protocol podpath does not decode; it closes a connection that sends it something else. */
  | { readonly kind: 'tcp'; readonly name: string }
  | { readonly kind: 'udp'; readonly name: string }
  /** A layer-7 proxy: ingress-nginx or Envoy (apps/proxy-app.ts). */
  | ProxyApp;

const WEB_IMAGES: Readonly<Record<string, { flavour: HttpFlavour; name: string }>> = {
  nginx: { flavour: 'nginx', name: 'nginx' },
  'nginx-unprivileged': { flavour: 'nginx', name: 'nginx' },
  httpd: { flavour: 'httpd', name: 'Apache httpd' },
  caddy: { flavour: 'echo', name: 'Caddy' },
  node: { flavour: 'echo', name: 'a Node.js web server' },
  python: { flavour: 'echo', name: 'Python http.server' },
  whoami: { flavour: 'echo', name: 'whoami' },
  'http-echo': { flavour: 'echo', name: 'http-echo' },
  agnhost: { flavour: 'echo', name: 'agnhost netexec' },
};

const TCP_IMAGES: Readonly<Record<string, string>> = {
  redis: 'redis', valkey: 'valkey', postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB', mongo: 'MongoDB',
  memcached: 'memcached', rabbitmq: 'RabbitMQ', 'statsd-exporter': 'statsd_exporter',
};

/** "registry.k8s.io/coredns/coredns:v1.11.3" → { repo: "coredns", tag: "v1.11.3" }. */
export function imageName(image: string): { readonly repo: string; readonly tag?: string } {
  const noDigest = image.split('@')[0]!;
  const last = noDigest.split('/').pop() ?? '';
  const colon = last.indexOf(':');
  return colon < 0 ? { repo: last.toLowerCase() } : { repo: last.slice(0, colon).toLowerCase(), tag: last.slice(colon + 1) };
}

const HTTP_PORT_NAMES = /^(https?|web|www|http-.*|https-.*|grpc-web)$/;
const HTTP_PORTS = new Set([80, 443, 3000, 5000, 8000, 8080, 8443, 8888, 9000]);

function byAnnotation(pod: PodSpec, container: string): string | undefined {
  const a = pod.annotations['podpath.dev/app'];
  if (!a) return undefined;
  if (!a.includes('=')) return a.trim();
  for (const part of a.split(',')) {
    const [c, app] = part.split('=').map((x) => x.trim());
    if (c === container && app) return app;
  }
  return undefined;
}

function named(app: string, c: ContainerSpec, l: Listener): App | undefined {
  switch (app) {
    case 'http': return { kind: 'http', flavour: 'echo', name: c.name, tls: false };
    case 'https': return { kind: 'http', flavour: 'echo', name: c.name, tls: true };
    case 'nginx': return { kind: 'http', flavour: 'nginx', name: 'nginx', tls: false };
    case 'httpd': return { kind: 'http', flavour: 'httpd', name: 'Apache httpd', tls: false };
    case 'dns': case 'coredns': return { kind: 'dns', role: 'coredns', name: 'CoreDNS' };
    case 'tcp': return l.proto === 'tcp' ? { kind: 'tcp', name: c.name } : { kind: 'udp', name: c.name };
    case 'udp': return { kind: 'udp', name: c.name };
    default: return undefined;
  }
}

/** A container's application on one of its ports. */
export function containerApp(pod: PodSpec, c: ContainerSpec, l: Listener): App {
  const given = byAnnotation(pod, c.name);
  const fromAnnotation = given ? named(given, c, l) : undefined;
  if (fromAnnotation) return fromAnnotation;
  const { repo, tag } = imageName(c.image);
  if (repo === 'coredns') return l.port === 53 ? { kind: 'dns', role: 'coredns', name: 'CoreDNS' } : { kind: 'http', flavour: 'echo', name: 'CoreDNS metrics', tls: false };
  const web = WEB_IMAGES[repo];
  if (web && l.proto === 'tcp') return { kind: 'http', flavour: web.flavour, name: web.name, ...(tag ? { version: tag } : {}), tls: false };
  const tcp = TCP_IMAGES[repo];
  if (tcp) return l.proto === 'tcp' ? { kind: 'tcp', name: tcp } : { kind: 'udp', name: tcp };
  const port = c.ports.find((p) => p.containerPort === l.port);
  if (l.proto === 'tcp' && ((port?.name !== undefined && HTTP_PORT_NAMES.test(port.name)) || HTTP_PORTS.has(l.port))) {
    return { kind: 'http', flavour: 'echo', name: c.name, tls: l.port === 443 || l.port === 8443 || port?.name === 'https' };
  }
  return l.proto === 'tcp' ? { kind: 'tcp', name: c.name } : { kind: 'udp', name: c.name };
}

/** The application behind a listening socket in a namespace. */
export function appOf(cluster: Cluster, ns: Netns, l: Listener): App {
  switch (ns.kind) {
    case 'pod': {
      const pod = cluster.pod(ns.name);
      const c = pod?.spec.containers.find((x) => x.name === l.owner);
      return pod && c ? proxyApp(cluster, pod, c, l) ?? containerApp(pod.spec, c, l) : { kind: 'tcp', name: l.owner };
    }
    case 'node': {
      const parts = l.owner.split('/');
      if (parts.length === 3) {
        const pod = cluster.pod(`${parts[0]}/${parts[1]}`);
        const c = pod?.spec.containers.find((x) => x.name === parts[2]);
        if (pod && c) return containerApp(pod.spec, c, l);
      }
      if (l.owner === 'kube-apiserver' || l.owner === 'kubelet') return { kind: 'http', flavour: 'kube-api', name: l.owner, tls: true };
      return l.proto === 'tcp' ? { kind: 'tcp', name: l.owner } : { kind: 'udp', name: l.owner };
    }
    case 'router':
      return l.port === 53 ? { kind: 'dns', role: 'forwarder', name: l.owner } : { kind: 'tcp', name: l.owner };
    case 'outside':
      if (l.port === 53) return { kind: 'dns', role: 'resolver', name: l.owner };
      if (l.proto === 'tcp' && (l.port === 80 || l.port === 443 || l.port === 8080 || l.port === 8443)) {
        return { kind: 'http', flavour: 'internet', name: l.owner, tls: l.port === 443 || l.port === 8443 };
      }
      return l.proto === 'tcp' ? { kind: 'tcp', name: l.owner } : { kind: 'udp', name: l.owner };
  }
}
