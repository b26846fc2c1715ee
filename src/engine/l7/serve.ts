// The door from the HTTP server side of a connection to the layer-7 proxies: which proxy
// answers, and what TLS it speaks on the port (the certificate it picks by SNI).
import type { Cluster, Netns } from '../cluster/types';
import type { ProxyApp } from '../apps/proxy-app';
import { serveIngressNginx, nginxModelOf } from '../ingress/serve';
import { selectServer } from '../ingress/route';
import { serveEnvoy, envoyCertificate } from '../gateway/serve';
import type { ProxyAnswer, ProxyServeCtx } from './types';

export function serveProxy(ctx: ProxyServeCtx, app: ProxyApp, container: string): ProxyAnswer {
  switch (app.proxy) {
    case 'ingress-nginx': return serveIngressNginx(ctx, app.role, container);
    case 'envoy': return serveEnvoy(ctx, app, container);
  }
}

export interface ProxyTls {
  readonly speaks: boolean;
  /** The certificate the proxy presents, in words. */
  readonly certificate?: string;
}

/** The certificate a proxy presents for a server name (SNI). podpath does not model CAs: curl needs -k to accept it. */
export function proxyTls(cluster: Cluster, ns: Netns, app: ProxyApp, sni: string): ProxyTls {
  if (!app.tls) return { speaks: false };
  switch (app.proxy) {
    case 'ingress-nginx': {
      const pod = cluster.pod(ns.name);
      const model = pod && nginxModelOf(cluster, pod)?.model;
      const server = model ? selectServer(model, sni) : undefined;
      const t = server?.tls;
      const certificate = t?.secretFound
        ? `ingress-nginx ends TLS here with the certificate of Secret ${t.secret} (the tls section of Ingress ${t.ingress}), chosen by SNI ${sni}`
        : t ? `ingress-nginx ends TLS here; Secret ${t.secret ?? '(none named)'} of Ingress ${t.ingress}'s tls section is missing, so it presents its self-signed "Kubernetes Ingress Controller Fake Certificate"`
          : `ingress-nginx ends TLS here; no Ingress lists ${sni} under tls, so it presents its self-signed "Kubernetes Ingress Controller Fake Certificate"`;
      return { speaks: true, certificate };
    }
    case 'envoy': return { speaks: true, certificate: envoyCertificate(cluster, app, sni) };
  }
}
