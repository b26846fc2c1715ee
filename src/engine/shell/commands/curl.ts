// curl and wget: look the host up (glibc's getaddrinfo, through /etc/hosts and DNS), then one
// HTTP request on a new connection, every packet walked. The result is the data curl's own
// messages are made from; shell/print turns it into curl's output.
import type { Conversation } from '../../conversation/conversation';
import { httpExchange, KERNEL_CONNECT_TIMEOUT_MS } from '../../conversation/http-client';
import type { Sender } from '../../conversation/sender';
import { getaddrinfo } from '../../dns/glibc';
import type { CurlResult, HttpHeader } from '../results';
import { curlRequestHeaders } from '../print/curl';

export interface CurlOptions {
  readonly url: string;
  readonly head: boolean;
  readonly headers: readonly HttpHeader[];
  readonly insecure: boolean;
  readonly ipv4: boolean;
  readonly maxTimeSeconds?: number;
  readonly userAgent?: string;
}

export type UrlParts = { readonly ok: true; readonly scheme: 'http' | 'https'; readonly host: string; readonly port: number; readonly path: string } | { readonly ok: false; readonly error: string };

/** curl's reading of a URL: no scheme means http; the default ports are 80 and 443. */
export function parseUrl(text: string): UrlParts {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return { ok: false, error: 'URL rejected: Malformed input to a URL function' };
  }
  const scheme = u.protocol.replace(/:$/, '');
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, error: `Protocol "${scheme}" not supported` };
  const port = u.port ? Number(u.port) : scheme === 'https' ? 443 : 80;
  return { ok: true, scheme, host: u.hostname.replace(/^\[|\]$/g, ''), port, path: `${u.pathname || '/'}${u.search}` };
}

export function runCurl(conv: Conversation, sender: Sender, o: CurlOptions, program = 'curl'): CurlResult | { readonly error: string } {
  const url = parseUrl(o.url);
  if (!url.ok) return { error: url.error };
  const start = conv.now;
  const lookup = getaddrinfo(conv, { sender, name: url.host, family: o.ipv4 ? 'inet' : 'any', program });
  const base = { url: o.url, scheme: url.scheme, host: url.host, port: url.port, path: url.path, lookup: lookup.outcome, ...(o.maxTimeSeconds !== undefined ? { maxTimeSeconds: o.maxTimeSeconds } : {}) };
  if (lookup.outcome.kind !== 'found') return { ...base, totalMs: conv.now - start };
  const ip = lookup.outcome.addresses[0]!;
  // wget sends its own User-Agent; curl's are curl's headers, in curl's order.
  const headers: HttpHeader[] = o.userAgent
    ? [{ name: 'Host', value: url.host }, { name: 'User-Agent', value: o.userAgent }, { name: 'Accept', value: '*/*' }]
    : curlRequestHeaders(url.host, url.port, url.scheme, o.headers);
  const maxMs = o.maxTimeSeconds !== undefined ? o.maxTimeSeconds * 1000 - (conv.now - start) : undefined;
  const exchangeStart = conv.now;
  const r = httpExchange(conv, {
    sender, ip, port: url.port, label: url.host, method: o.head ? 'HEAD' : 'GET', path: url.path, headers, tls: url.scheme === 'https', insecure: o.insecure,
    ...(maxMs !== undefined ? { maxMs: Math.max(0, maxMs) } : {}),
  });
  const request = { method: o.head ? 'HEAD' as const : 'GET' as const, target: url.path, headers };
  const out = r.outcome;
  // curl counts "after N ms" from the start of the transfer, name lookup included, in whole milliseconds.
  const lookupMs = exchangeStart - start;
  const connectMs = Math.floor(r.connect.kind === 'timeout'
    ? Math.min(lookupMs + r.connect.ms, o.maxTimeSeconds !== undefined ? o.maxTimeSeconds * 1000 : lookupMs + KERNEL_CONNECT_TIMEOUT_MS)
    : lookupMs + r.connect.ms);
  return {
    ...base, ip, connect: { ...r.connect, ms: connectMs },
    ...(r.local ? { local: r.local } : {}),
    ...(r.connect.kind === 'connected' ? { request } : {}),
    ...(out?.kind === 'response' ? { response: { version: 'HTTP/1.1' as const, status: out.response.status, reason: out.response.reason, headers: out.response.headers.map(([name, value]) => ({ name, value })), body: out.response.body } } : {}),
    ...(out?.kind === 'no-response' ? { responseTimeout: true } : {}),
    ...(out?.kind === 'closed' ? { responseFailure: 'empty-reply' as const } : {}),
    ...(out?.kind === 'tls-error' ? { tlsError: out.why } : {}),
    totalMs: Math.floor(conv.now - start),
  };
}
