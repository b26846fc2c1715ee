// Envoy, as Envoy Gateway configures it for a Gateway (work in progress).
import type { Cluster } from '../cluster/types';
import type { ProxyApp } from '../apps/proxy-app';
import type { ProxyAnswer, ProxyServeCtx } from '../l7/types';

export function serveEnvoy(_ctx: ProxyServeCtx, _app: Extract<ProxyApp, { proxy: 'envoy' }>, _container: string): ProxyAnswer {
  return { response: { status: 404, reason: 'Not Found', headers: [], body: '' }, says: 'Envoy answers 404' };
}

export function envoyCertificate(_cluster: Cluster, _app: ProxyApp, sni: string): string {
  return `Envoy ends TLS for ${sni}`;
}
