// What a network command found out, as plain data: the engine's conversation fills these
// in, and the printers in shell/print/ turn them into what the real tools print. Times are
// simulated milliseconds. Nothing here knows about the walk.

/** How a name lookup (getaddrinfo, or a DNS tool's query) ended. */
export type LookupOutcome =
  | { readonly kind: 'found'; readonly addresses: readonly string[]; readonly canonical?: string }
  /** Every name tried answered NXDOMAIN (or NODATA): "Could not resolve host". */
  | { readonly kind: 'not-found' }
  /** No answer from any nameserver in time. */
  | { readonly kind: 'timeout'; readonly server: string }
  /** The resolver could not even send (no route, ICMP unreachable from the nameserver). */
  | { readonly kind: 'unreachable'; readonly server: string };

export type ConnectOutcome =
  | { readonly kind: 'connected'; readonly ms: number }
  /** RST, or ICMP port unreachable: ECONNREFUSED. */
  | { readonly kind: 'refused'; readonly ms: number }
  /** ICMP network unreachable (ENETUNREACH), or no route in the client's own table. */
  | { readonly kind: 'net-unreachable'; readonly ms: number }
  /** ICMP host unreachable, time exceeded, admin prohibited, or ARP failed: EHOSTUNREACH. */
  | { readonly kind: 'host-unreachable'; readonly ms: number }
  /** Nothing came back before the client gave up (kernel SYN retries, or the tool's own timeout). */
  | { readonly kind: 'timeout'; readonly ms: number };

export interface HttpHeader { readonly name: string; readonly value: string }

export interface CurlResult {
  readonly url: string;
  readonly scheme: 'http' | 'https';
  /** The host as written in the URL. */
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly lookup: LookupOutcome;
  /** The address curl connected to (the first the lookup gave, or the literal address). */
  readonly ip?: string;
  readonly connect?: ConnectOutcome;
  /** The client's own address and port once connected (curl -v prints neither, but the trace has them). */
  readonly local?: { readonly ip: string; readonly port: number };
  readonly request?: { readonly method: 'GET' | 'HEAD'; readonly target: string; readonly headers: readonly HttpHeader[] };
  readonly response?: { readonly version: 'HTTP/1.1'; readonly status: number; readonly reason: string; readonly headers: readonly HttpHeader[]; readonly body: string };
  /** The request went out but no response came back in time. */
  readonly responseTimeout?: boolean;
  /** The server closed the connection without sending anything: curl's (52) Empty reply from server. */
  readonly closed?: boolean;
  /** https failed: the server does not speak TLS (curl 35), or its certificate is not trusted and -k was not given (curl 60). */
  readonly tlsError?: 'not-tls' | 'untrusted';
  /** -m SECS, when given. */
  readonly maxTimeSeconds?: number;
  /** Total time of the transfer, ms. */
  readonly totalMs: number;
}

export interface PingReply {
  readonly seq: number;
  /** Who answered: the target for an echo reply, a router for an ICMP error. */
  readonly from: string;
  /** The name ping prints for `from` (a reverse lookup), when it has one. */
  readonly fromName?: string;
  readonly ttl: number;
  readonly ms: number;
  /** An ICMP error instead of a reply: "Destination Net Unreachable", "Time to live exceeded"... */
  readonly error?: string;
}

export interface PingResult {
  /** What the user typed. */
  readonly target: string;
  readonly lookup: LookupOutcome;
  /** The address pinged. */
  readonly ip?: string;
  /** -c N */
  readonly count: number;
  /** One per sequence number that got something back (a reply or an error); lost ones are absent. */
  readonly replies: readonly PingReply[];
  /** Total time from first send to the end, ms (ping waits 1 s between echoes). */
  readonly totalMs: number;
  /** No -c was given: a real ping runs until interrupted, so podpath stops it after a few echoes, as if Ctrl-C was pressed. */
  readonly interrupted: boolean;
}

export interface TracerouteProbe { readonly from?: string; readonly fromName?: string; readonly ms?: number; readonly note?: string }

export interface TracerouteHop {
  readonly ttl: number;
  /** Three probes per hop, as traceroute sends them; a probe without `from` printed as `*`. */
  readonly probes: readonly TracerouteProbe[];
}

export interface TracerouteResult {
  readonly target: string;
  readonly lookup: LookupOutcome;
  readonly ip?: string;
  readonly maxHops: number;
  /** Bytes of each probe packet (traceroute's default: 60). */
  readonly packetLen: number;
  readonly hops: readonly TracerouteHop[];
}

/** One DNS message as a DNS tool shows it. */
export interface DnsAnswer {
  readonly server: string;
  readonly port: number;
  readonly question: { readonly name: string; readonly type: string };
  readonly id: number;
  readonly rcode: string;
  readonly flags: readonly string[];
  readonly answers: readonly { readonly name: string; readonly ttl: number; readonly type: string; readonly data: string }[];
  readonly authority: readonly { readonly name: string; readonly ttl: number; readonly type: string; readonly data: string }[];
  readonly additional: readonly { readonly name: string; readonly ttl: number; readonly type: string; readonly data: string }[];
  readonly ms: number;
  /** Bytes of the answer as received (dig's "MSG SIZE rcvd"). */
  readonly size: number;
  /** The transport used. */
  readonly proto: 'UDP' | 'TCP';
}

export interface DnsToolResult {
  readonly name: string;
  readonly type: string;
  readonly server: string;
  /** Each query the tool sent and what came back, in order (search list expansion makes several). */
  readonly queries: readonly { readonly name: string; readonly type: string; readonly answer?: DnsAnswer; readonly timeout?: boolean }[];
  /** dig's +short. */
  readonly short: boolean;
  /** When the run ended (a fixed simulated clock), for dig's WHEN line. */
  readonly when: string;
}

export interface NcResult {
  readonly host: string;
  readonly port: number;
  readonly udp: boolean;
  readonly lookup: LookupOutcome;
  readonly ip?: string;
  readonly connect?: ConnectOutcome;
  /** For UDP: whether an ICMP port unreachable came back (nc -zu reports success otherwise). */
  readonly udpRefused?: boolean;
}

/** What a command prints and how it exits. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}
