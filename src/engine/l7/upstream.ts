// A proxy's upstream request: a new TCP connection from the proxy's own pod address and an
// ephemeral port to the endpoint it chose, walked packet by packet like any other, recorded
// as an exchange whose parent is the client's. The HTTP client is passed in (it is the one
// that delivered the request to the proxy), so this module does not import it back.
import type { Netns } from '../cluster/types';
import type { Conversation } from '../conversation/conversation';
import type { HttpExchangeResult, HttpRequestSpec } from '../conversation/http-client';

export type HttpFetch = (conv: Conversation, spec: HttpRequestSpec) => HttpExchangeResult;

/** The request as HttpRequestSpec has it (label: the endpoint in words), sent from the proxy's container. */
export interface UpstreamCall extends Pick<HttpRequestSpec, 'ip' | 'port' | 'label' | 'method' | 'path' | 'headers'> {
  readonly ns: Netns;
  /** The proxy's container. */
  readonly container: string;
  readonly parent: number;
  /** The proxy program, for the hops: nginx, Envoy. */
  readonly client: string;
}

export function callUpstream(conv: Conversation, fetch: HttpFetch, call: UpstreamCall): HttpExchangeResult {
  const podKey = call.ns.kind === 'pod' ? call.ns.name : undefined;
  return fetch(conv, {
    sender: { ns: call.ns, owner: call.container, label: podKey ? `pod ${podKey}` : call.ns.machine, ...(podKey ? { podKey } : {}) },
    ip: call.ip, port: call.port, label: call.label, method: call.method, path: call.path, headers: call.headers,
    tls: false, insecure: true, parent: call.parent, client: call.client,
  });
}

/** The value of a header, by name, case-insensitively. */
export function headerValue(headers: readonly (readonly [string, string])[], name: string): string | undefined {
  const n = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** 32 hex digits from the conversation's generator: nginx's $request_id. */
export function requestId(conv: Conversation): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += conv.rng.int(0, 0xffffffff).toString(16).padStart(8, '0');
  return s;
}

/** Envoy's x-request-id: a version-4 UUID. */
export function uuid4(conv: Conversation): string {
  const h = requestId(conv);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[conv.rng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
