// What a layer-7 proxy is handed for one request, and what it answers.
import type { Conversation, ExchangeDraft } from '../conversation/conversation';
import type { TcpConn } from '../conversation/tcp';
import type { HttpPayload } from '../trace/types';
import type { HttpFetch } from './upstream';

export type HttpRequest = NonNullable<HttpPayload['request']>;
export type HttpResponse = NonNullable<HttpPayload['response']>;

export interface ProxyServeCtx {
  readonly conv: Conversation;
  /** The client's exchange: the proxy's hops go on its request leg, its upstream exchanges name it as parent. */
  readonly ex: ExchangeDraft;
  readonly conn: TcpConn;
  readonly req: HttpRequest;
  /** Whether the request came over TLS (which the proxy ended). */
  readonly tls: boolean;
  readonly fetch: HttpFetch;
}

export interface ProxyAnswer {
  readonly response: HttpResponse;
  /** The opening words of the response leg. */
  readonly says: string;
}
