// What a network command found out, as plain data: the engine's conversation fills these
// in, and the printers in shell/print/ turn them into what the real tools print. Times are
// simulated milliseconds. Nothing here knows about the walk.

/** How a name lookup (getaddrinfo, or a DNS tool's query) ended. */
export type LookupOutcome =
  | { readonly kind: 'found'; readonly addresses: readonly string[]; readonly canonical?: string }
  /**
   * Every name tried answered NXDOMAIN (or NODATA): "Could not resolve host". `nodata`: the
   * name exists but has no address (glibc's EAI_NODATA, "No address associated with hostname",
   * instead of EAI_NONAME's "Name or service not known").
   */
  | { readonly kind: 'not-found'; readonly nodata?: boolean }
  /** No answer from any nameserver in time. */
  | { readonly kind: 'timeout'; readonly server: string }
  /** The resolver could not even send (no route, ICMP unreachable from the nameserver). */
  | { readonly kind: 'unreachable'; readonly server: string };

/**
 * How a connect() ended. `ms` counts from the start of the command (curl's "after N ms"
 * includes the name lookup), not from the SYN.
 */
export type ConnectOutcome =
  | { readonly kind: 'connected'; readonly ms: number }
  /** RST, or ICMP port unreachable: ECONNREFUSED. */
  | { readonly kind: 'refused'; readonly ms: number }
  /**
   * ICMP network unreachable (ENETUNREACH), or no route in the client's own table. `immediate`:
   * the client's own route lookup failed, so connect() itself returned the error and no packet
   * left (curl then says "Immediate connect fail" instead of "connect to ... failed").
   */
  | { readonly kind: 'net-unreachable'; readonly ms: number; readonly immediate?: boolean }
  /** ICMP host unreachable, time exceeded, admin prohibited, or ARP failed: EHOSTUNREACH. */
  | { readonly kind: 'host-unreachable'; readonly ms: number; readonly immediate?: boolean }
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
  /**
   * The client's own address and port: the source of the SYN. curl -v prints them when a
   * connect fails ("connect to 10.96.0.1 port 80 from 10.244.1.3 port 41234 failed: ..."), so
   * give them for refused, unreachable and timed-out connects too.
   */
  readonly local?: { readonly ip: string; readonly port: number };
  readonly request?: { readonly method: 'GET' | 'HEAD'; readonly target: string; readonly headers: readonly HttpHeader[] };
  readonly response?: { readonly version: 'HTTP/1.1'; readonly status: number; readonly reason: string; readonly headers: readonly HttpHeader[]; readonly body: string };
  /** The request went out but no response came back in time. */
  readonly responseTimeout?: boolean;
  /**
   * The connection ended before any response: the server closed it ('empty-reply', curl exit
   * 52) or reset it ('reset', ECONNRESET, curl exit 56). Absent when a response came.
   */
  readonly responseFailure?: 'empty-reply' | 'reset';
  /** https failed: the server does not speak TLS (curl 35), or its certificate is not trusted and -k was not given (curl 60). */
  readonly tlsError?: 'not-tls' | 'untrusted';
  /**
   * With tlsError 'untrusted': OpenSSL's X509_verify_cert_error_string for the failure, as curl
   * prints it ("unable to get local issuer certificate", the default; "self-signed certificate";
   * "certificate has expired").
   */
  readonly tlsVerifyError?: string;
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
  readonly interrupted?: boolean;
  /**
   * The client's own routing refused the destination before any echo left: ping's probe
   * connect() fails ("ping: connect: Network is unreachable", exit 2).
   */
  readonly localError?: 'net-unreachable' | 'host-unreachable';
  /** -n: print addresses only, no reverse lookups. */
  readonly numeric?: boolean;
  /** -s: the ICMP data bytes of each echo (56 unless given). */
  readonly dataLen?: number;
  /** Echoes the kernel refused to send (-M do, bigger than the route's MTU): "local error: message too long, mtu=N". */
  readonly localErrors?: readonly { readonly seq: number; readonly mtu: number }[];
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
  /** -n: print addresses only. */
  readonly numeric?: boolean;
  /** Where the host was in argv (traceroute's "on position 1 (argc 1)" error); 1 by default. */
  readonly hostArgIndex?: number;
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
  /**
   * The answer's EDNS OPT record, when it has one (dig prints it as the OPT PSEUDOSECTION and
   * counts it in ADDITIONAL). CoreDNS answers an EDNS query with version 0 and the client's
   * UDP size (dig 9.18 asks with 1232).
   */
  readonly edns?: {
    readonly version: number;
    readonly udpSize: number;
    readonly do?: boolean;
    /**
     * The COOKIE option as dig words it: the client cookie dig sent (8 random bytes, hex) and,
     * when the server echoes only that, " (echoed)" (CoreDNS), or with a server cookie " (good)".
     */
    readonly cookie?: string;
  };
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
  /** When the run ended (a fixed simulated clock), as dig's WHEN line prints it (lib/clock.ts ctimeUtc). */
  readonly when: string;
  /** The arguments as typed after the command name (dig echoes them in its banner). */
  readonly args?: readonly string[];
  /** The server as the user named it, when it was named (nslookup NAME SERVER, dig @SERVER). */
  readonly serverArg?: string;
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

/** One write to a stream, in the order the command made it. */
export interface OutputChunk {
  /** 1 = stdout, 2 = stderr. */
  readonly fd: 1 | 2;
  readonly text: string;
}

/** What a command prints and how it exits. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /**
   * The writes in order, as a terminal shows them interleaved (curl -v's headers on stderr
   * around the body on stdout). Concatenating the fd-1 chunks gives stdout, fd-2 stderr.
   */
  readonly chunks?: readonly OutputChunk[];
}
