// DNS messages as podpath carries them (a question, and for a response its code, flags and
// records), and how many bytes each is on the wire (RFC 1035: a 12-byte header, names as
// labels with compression pointers, 10 bytes of fixed fields per record, RFC 6891's OPT
// record when EDNS is used), which is what dig's "MSG SIZE rcvd" reports.
import type { DnsPayload, DnsRecord, DnsRcode, DnsType } from '../trace/types';

export const fqdn = (name: string) => (name.endsWith('.') ? name : `${name}.`);

export function dnsQuery(id: number, name: string, type: DnsType): DnsPayload {
  return { kind: 'dns', id, question: { name: fqdn(name), type } };
}

export interface ResponseParts {
  readonly rcode: DnsRcode;
  readonly aa: boolean;
  readonly ra: boolean;
  readonly answers?: readonly DnsRecord[];
  readonly authority?: readonly DnsRecord[];
  readonly additional?: readonly DnsRecord[];
}

export function dnsResponse(query: DnsPayload, r: ResponseParts): DnsPayload {
  return {
    kind: 'dns', id: query.id, question: query.question,
    response: { rcode: r.rcode, aa: r.aa, ra: r.ra, answers: r.answers ?? [], authority: r.authority ?? [], additional: r.additional ?? [] },
  };
}

/** "NXDOMAIN", "A 10.96.0.1", "CNAME www.example.com., A 198.51.100.23", "NODATA": a response in a few words. */
export function responseWords(p: DnsPayload): string {
  const r = p.response;
  if (!r) return 'no answer';
  if (r.rcode !== 'NOERROR') return r.rcode;
  if (r.answers.length === 0) return 'NOERROR, no records (NODATA)';
  return r.answers.map((a) => `${a.type} ${a.data}`).join(', ');
}

/** Bytes a name takes, given the names already written (a suffix already written costs a 2-byte pointer). */
function nameBytes(name: string, written: string[]): number {
  const labels = fqdn(name).toLowerCase().split('.').filter((l) => l !== '');
  let n = 0;
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    if (written.some((w) => w === suffix || w.endsWith(`.${suffix}`))) return n + 2;
    n += 1 + labels[i]!.length;
  }
  written.push(labels.join('.'));
  return n + 1;
}

function rdataBytes(r: DnsRecord, written: string[]): number {
  switch (r.type) {
    case 'A': return 4;
    case 'AAAA': return 16;
    case 'CNAME': case 'PTR': case 'NS': return nameBytes(r.data, written);
    case 'SRV': { const [, , , target] = r.data.split(' '); return 6 + nameBytes(target ?? '.', written); }
    case 'MX': { const [, target] = r.data.split(' '); return 2 + nameBytes(target ?? '.', written); }
    case 'SOA': { const [m, rn] = r.data.split(' '); return nameBytes(m ?? '.', written) + nameBytes(rn ?? '.', written) + 20; }
    case 'TXT': return r.data.replace(/^"|"$/g, '').length + 1;
    case 'ANY': return 0;
  }
}

/** The message's size on the wire; `edns` adds the OPT pseudo-record (11 bytes, plus the COOKIE option when `cookie`: 4 bytes of option header and dig's 8-byte client cookie, echoed). */
export function messageBytes(p: DnsPayload, edns: boolean, cookie = false): number {
  const written: string[] = [];
  let n = 12 + nameBytes(p.question.name, written) + 4;
  const r = p.response;
  for (const rr of r ? [...r.answers, ...r.authority, ...r.additional] : []) n += nameBytes(rr.name, written) + 10 + rdataBytes(rr, written);
  if (edns) n += 11 + (cookie ? 4 + 8 : 0);
  return n;
}
