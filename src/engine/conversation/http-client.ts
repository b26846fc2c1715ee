// An HTTP request over TCP, as curl makes it: connect (the SYN and SYN ACK), the request in
// one segment carrying the handshake's last ACK, and the server application's response in
// one segment back. Over https the TLS handshake comes first (two legs: the ClientHello and
// the server's flight back), and what follows is encrypted: the hops see TCP 443 and the
// endpoints read HTTP. A server that does not speak HTTP closes the connection without an
// answer. Simplified: a response is one segment whatever its size, and the connection's
// close (FIN) after the response is not walked.
import { appOf } from '../apps/app';
import { httpRespond } from '../apps/http';
import { proxyTls, serveProxy } from '../l7/serve';
import { findListener } from '../stack/deliver';
import { newPacket } from '../stack/ip';
import type { HttpPayload } from '../trace/types';
import { where } from '../stack/walk';
import type { ConnectOutcome, HttpHeader } from '../shell/results';
import { fail, type Conversation } from './conversation';
import { walkLeg } from './leg';
import { ephemeralPort, senderContainer, sourceAddress, type Sender } from './sender';
import { tcpConnect, tcpSegment, type TcpConn } from './tcp';

/** Linux gives up on a connect() after 6 SYN retransmissions (tcp_syn_retries): 1+2+4+8+16+32+64 s. */
export const KERNEL_CONNECT_TIMEOUT_MS = 127_000;

export interface HttpRequestSpec {
  readonly sender: Sender;
  readonly ip: string;
  readonly port: number;
  /** The destination as the user named it, for the hops. */
  readonly label: string;
  readonly method: 'GET' | 'HEAD';
  readonly path: string;
  readonly headers: readonly HttpHeader[];
  readonly tls: boolean;
  /** -k: accept any certificate. */
  readonly insecure: boolean;
  /** The client program, for the hops: curl unless a proxy makes the request. */
  readonly client?: string;
  /** curl's -m, in milliseconds. */
  readonly maxMs?: number;
  readonly parent?: number;
}

export type HttpOutcome =
  | { readonly kind: 'response'; readonly response: NonNullable<HttpPayload['response']> }
  /** The server closed the connection without a word (curl 52). */
  | { readonly kind: 'closed' }
  /** TLS failed: the server does not speak it (curl 35), or its certificate is not trusted (curl 60). */
  | { readonly kind: 'tls-error'; readonly why: 'not-tls' | 'untrusted' }
  /** The request went out and nothing came back in time. */
  | { readonly kind: 'no-response' };

export interface HttpExchangeResult {
  readonly exchange: number;
  readonly connect: ConnectOutcome;
  readonly local?: { readonly ip: string; readonly port: number };
  readonly outcome?: HttpOutcome;
  readonly ms: number;
}

function connectOutcome(r: ReturnType<typeof tcpConnect>, ms: number, maxMs: number | undefined): ConnectOutcome {
  if (r.ok) return { kind: 'connected', ms };
  switch (r.failure) {
    case 'refused': return { kind: 'refused', ms };
    case 'unreachable': {
      const immediate = r.immediate ? { immediate: true } : {};
      return r.icmp === 'net-unreachable' ? { kind: 'net-unreachable', ms, ...immediate } : { kind: 'host-unreachable', ms, ...immediate };
    }
    case 'timeout': return { kind: 'timeout', ms: Math.min(maxMs ?? KERNEL_CONNECT_TIMEOUT_MS, KERNEL_CONNECT_TIMEOUT_MS) };
  }
}

function requestPayload(spec: HttpRequestSpec): HttpPayload {
  const host = spec.headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? spec.label;
  return { kind: 'http', tls: spec.tls, request: { method: spec.method, host, path: spec.path, headers: spec.headers.map((h) => [h.name, h.value] as const) } };
}

interface ServerTls {
  readonly speaks: boolean;
  readonly trusted: boolean;
  /** -k: curl does not check the certificate. */
  readonly insecure: boolean;
  /** The certificate a proxy presents, in words. */
  readonly certificate?: string;
  readonly client: string;
}

function tlsHandshake(conv: Conversation, ex: ReturnType<Conversation['open']>, conn: TcpConn, t: ServerTls): 'ok' | 'not-tls' | 'untrusted' | 'lost' {
  const serverSpeaksTls = t.speaks, trusted = t.insecure || t.trusted;
  const hello = tcpSegment(conv, ex, conn, 'client', {
    name: 'TLS ClientHello', opening: `${t.client} starts TLS: the ClientHello names the server it wants (SNI) and the ciphers it knows, in the clear.`,
    reads: `The ClientHello reaches the connection ${conn.server.owner} accepted.`,
  });
  if (hello.kind !== 'delivered') return 'lost';
  const flight = tcpSegment(conv, ex, conn, 'server', {
    name: serverSpeaksTls ? 'TLS ServerHello, certificate' : 'not TLS',
    opening: serverSpeaksTls
      ? `${conn.server.owner} answers with its ServerHello and certificate${t.certificate ? ` (${t.certificate})` : ''}; from here on the connection is encrypted, so routers and netfilter see only TCP ${conn.server.port}.`
      : `${conn.server.owner} does not speak TLS on port ${conn.server.port}: it reads the ClientHello as garbage and answers in plain HTTP (400 Bad Request).`,
    reads: serverSpeaksTls ? (t.insecure && !t.trusted ? `${t.client} accepts the certificate without checking who signed it (curl -k).` : `${t.client} checks the certificate: ${trusted ? 'a public CA signed it for this name, so it is trusted' : `no CA ${t.client} trusts signed it`}.`) : `${t.client} cannot parse the answer as TLS.`,
  });
  if (flight.kind !== 'delivered') return 'lost';
  if (!serverSpeaksTls) return 'not-tls';
  return trusted ? 'ok' : 'untrusted';
}

/** One HTTP request and its response, walked packet by packet. */
export function httpExchange(conv: Conversation, spec: HttpRequestSpec): HttpExchangeResult {
  const start = conv.now;
  const { sender } = spec;
  const client = spec.client ?? 'curl';
  const src = sourceAddress(sender.ns, spec.ip);
  const sport = ephemeralPort(conv);
  const container = senderContainer(sender);
  const ex = conv.open({
    kind: 'http', title: `HTTP ${spec.method} ${spec.path} to ${spec.ip}:${spec.port}${spec.tls ? ' (TLS)' : ''}`, from: sender.label,
    ...(container !== undefined ? { container } : {}), to: spec.label, tuple: { src, dst: spec.ip, proto: 'tcp', sport, dport: spec.port },
    ...(spec.parent !== undefined ? { parent: spec.parent } : {}),
  });
  const r = tcpConnect(conv, ex, { sender, src, sport, dst: spec.ip, dport: spec.port, dstLabel: spec.label });
  const connect = connectOutcome(r, conv.now - start, spec.maxMs);
  if (!r.ok) {
    ex.result = connect.kind === 'timeout' ? 'no answer to the SYN' : `connect failed: ${connect.kind}`;
    if (connect.kind === 'timeout') conv.wait(Math.max(0, connect.ms - (conv.now - start)));
    return { exchange: ex.id, connect, local: { ip: src, port: sport }, ms: conv.now - start };
  }
  const conn = r.conn;
  const local = { ip: conn.client.addr, port: conn.client.port };
  const listener = findListener(conn.server.ns, 'tcp', conn.server.addr, conn.server.port);
  const app = listener ? appOf(conv.cluster, conn.server.ns, listener) : undefined;
  const done = (outcome: HttpOutcome): HttpExchangeResult => ({ exchange: ex.id, connect, local, outcome, ms: conv.now - start });
  if (spec.tls) {
    const sni = (spec.headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? spec.label).replace(/:\d+$/, '');
    const proxy = app?.kind === 'proxy' ? proxyTls(conv.cluster, conn.server.ns, app, sni) : undefined;
    const hs = tlsHandshake(conv, ex, conn, {
      speaks: proxy?.speaks ?? (app?.kind === 'http' && app.tls), trusted: app?.kind === 'http' && app.flavour === 'internet', insecure: spec.insecure,
      ...(proxy?.certificate ? { certificate: proxy.certificate } : {}), client,
    });
    if (hs === 'lost') return done({ kind: 'no-response' });
    if (hs !== 'ok') { ex.result = hs === 'not-tls' ? 'the server does not speak TLS' : 'certificate not trusted'; return done({ kind: 'tls-error', why: hs }); }
  }
  const request = requestPayload(spec);
  const req = request.request!;
  const sent = tcpSegment(conv, ex, conn, 'client', {
    name: 'HTTP request', payload: request,
    app: { kind: 'http', rule: [`${req.method} ${req.path} HTTP/1.1`, ...req.headers.map(([k, v]) => `${k}: ${v}`)].join('\n'), table: 'http' },
    opening: `${client} sends the request on the connection: ${req.method} ${req.path} with Host: ${req.host}${spec.tls ? ' (encrypted)' : ''}.`,
    reads: `The request reaches the connection ${conn.server.owner} accepted from ${conn.serverPeer.addr}:${conn.serverPeer.port}; ${conn.server.owner} reads ${req.method} ${req.path}.`,
  });
  if (sent.kind !== 'delivered') { ex.result = 'the request was lost'; return done({ kind: 'no-response' }); }
  if (!app || (app.kind !== 'http' && app.kind !== 'proxy')) {
    // A server that does not speak HTTP drops the connection: FIN, no data.
    const fin = newPacket(conn.server.addr, conn.serverPeer.addr, 'tcp', conn.server.port, conn.serverPeer.port, 'FIN ACK');
    const out = walkLeg(conv, ex, {
      name: 'FIN', dir: 'back', ns: conn.server.ns, pkt: fin,
      opening: `${app?.name ?? conn.server.owner} in ${where(conn.server.ns)} does not speak HTTP: it closes the connection without an answer (FIN).`,
      expect: { ns: conn.client.ns.id, proto: 'tcp', port: conn.client.port, owner: conn.client.owner, peer: conn.clientPeer, side: 'client', reads: `The FIN reaches ${client}'s socket: the server closed the connection before sending anything.` },
    });
    if (out.kind !== 'delivered') fail(ex, out.kind === 'refused' ? 'refused' : 'dropped', out.code);
    ex.result = 'closed without an answer';
    return done({ kind: 'closed' });
  }
  conv.wait(0.2);
  // A proxy answers with what its upstream said, after a connection of its own (l7/serve.ts).
  const answer = app.kind === 'proxy'
    ? serveProxy({ conv, ex, conn, req, tls: spec.tls, fetch: httpExchange }, app, conn.server.owner.split('/').pop()!)
    : (() => {
      const r = httpRespond({ cluster: conv.cluster, ns: conn.server.ns, app, remote: conn.serverPeer, now: conv.now }, req, spec.tls);
      return { response: r, says: `${app.name} answers ${r.status} ${r.reason}` };
    })();
  const response = answer.response;
  const back = tcpSegment(conv, ex, conn, 'server', {
    name: 'HTTP response', payload: { kind: 'http', tls: spec.tls, response },
    app: { kind: 'http', rule: [`HTTP/1.1 ${response.status} ${response.reason}`, ...response.headers.map(([k, v]) => `${k}: ${v}`)].join('\n'), table: 'http' },
    opening: `${answer.says}${response.body ? ` with ${new TextEncoder().encode(response.body).length} bytes` : ''}, from ${conn.server.addr}:${conn.server.port} back to ${conn.serverPeer.addr}:${conn.serverPeer.port}.`,
    reads: `The response (${response.status} ${response.reason}) reaches ${client}'s socket from ${conn.clientPeer.addr}:${conn.clientPeer.port}, the address it connected to.`,
  });
  if (back.kind !== 'delivered') { ex.result = 'the response was lost'; return done({ kind: 'no-response' }); }
  ex.result = `${response.status} ${response.reason}`;
  return done({ kind: 'response', response });
}
