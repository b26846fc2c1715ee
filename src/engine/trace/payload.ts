// What applications put in packets: a DNS message (question, answer, authority records,
// response code) or an HTTP message (request line and Host, or status). Carried by the
// packet and shown at hops; the network itself never looks at it.

export type DnsType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'TXT' | 'SOA' | 'NS' | 'MX' | 'ANY';
export type DnsRcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'NOTIMP' | 'FORMERR';

export interface DnsQuestion {
  /** Fully qualified, with the trailing dot: "api.default.svc.cluster.local." */
  readonly name: string;
  readonly type: DnsType;
}

export interface DnsRecord {
  readonly name: string;
  readonly ttl: number;
  readonly type: DnsType;
  /** The record's data as a zone file writes it: "10.96.0.1", "0 100 443 kubernetes.default.svc.cluster.local." */
  readonly data: string;
}

export interface DnsPayload {
  readonly kind: 'dns';
  /** The 16-bit message id. */
  readonly id: number;
  readonly question: DnsQuestion;
  /** Absent on a query. */
  readonly response?: {
    readonly rcode: DnsRcode;
    /** Authoritative answer (CoreDNS's kubernetes plugin for its zones). */
    readonly aa: boolean;
    /** Recursion available (a forwarding resolver). */
    readonly ra: boolean;
    readonly answers: readonly DnsRecord[];
    readonly authority: readonly DnsRecord[];
    readonly additional: readonly DnsRecord[];
  };
}

export interface HttpPayload {
  readonly kind: 'http';
  /** Over TLS: the network sees only encrypted records; the fields are what the endpoints read. */
  readonly tls: boolean;
  readonly request?: {
    readonly method: string;
    readonly host: string;
    readonly path: string;
    readonly headers: readonly (readonly [string, string])[];
  };
  readonly response?: {
    readonly status: number;
    readonly reason: string;
    readonly headers: readonly (readonly [string, string])[];
    readonly body: string;
  };
}

/** Bytes of a protocol podpath does not decode (a redis command, a raw TCP payload). */
export interface DataPayload {
  readonly kind: 'data';
  readonly bytes: number;
  readonly summary: string;
}

export type Payload = DnsPayload | HttpPayload | DataPayload;
