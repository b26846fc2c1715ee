// nslookup from BIND 9.18.39 (the bind9-dnsutils nslookup of Ubuntu 24.04 and of the
// Kubernetes dnsutils images; Debian 13's 9.20 prints the same): what `nslookup NAME [SERVER]`
// prints. Read from bind9 at tag v9.18.39: bin/dig/nslookup.c (printmessage: "Server:\t\t%s",
// "Address:\t%s" for the A lookup only, "** server can't find %s: %s" on an error rcode,
// "Non-authoritative answer:" without aa, a follow-up AAAA lookup for the name found,
// "*** Can't find %s: No answer" when neither has addresses; printsection: "Name:\t%s" +
// "Address: %s" for A/AAAA in the answer, "%s\t" + rtypetext ("canonical name = ", "name = ",
// "service = ", ...) + rdata for the rest; main: a last empty line, exit 1 on any failure) and
// bin/dig/dighost.c (the search list: a name with fewer dots than ndots tries each search
// domain, then itself, and only the last NXDOMAIN is printed; check_ra: since 9.18.26 every
// reply without ra, when the server came from resolv.conf, prints ";; Got recursion not
// available from %s" (CoreDNS answers cluster names with aa and without ra), and a SERVFAIL
// reply ";; Got SERVFAIL reply from %s" (nslookup's default "nofail"); a timed-out try
// prints ";; communications error to %s: timed out", and when all fail ";; no servers could be
// reached").
import type { CommandOutput, DnsAnswer, DnsToolResult } from '../results';
import { writer, type Writer } from './output';

const RTYPE_TEXT: Record<string, string> = {
  A: 'internet address = ', NS: 'nameserver = ', CNAME: 'canonical name = ', PTR: 'name = ',
  MX: 'mail exchanger = ', TXT: 'text = ', AAAA: 'has AAAA address ', SRV: 'service = ',
};

/** dns_name_format(): the name without its final dot. */
const bare = (name: string) => (name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name);

interface State { printed: boolean; printError: boolean; aNoAnswer: boolean }

export function printNslookup(r: DnsToolResult): CommandOutput {
  const w = writer();
  const st: State = { printed: false, printError: false, aNoAnswer: false };
  const checkRa = r.serverArg === undefined;
  const queries = r.queries;
  for (const [i, q] of queries.entries()) {
    const next = queries[i + 1];
    if (q.timeout || !q.answer) {
      w.out(`;; communications error to ${r.server}#53: timed out\n`);
      const retried = next && next.name === q.name && next.type === q.type;
      if (!retried) { w.out(';; no servers could be reached\n'); break; }
      continue;
    }
    const a = q.answer;
    // dighost.c recv_done: nslookup's "nofail" (on by default) and check_ra comment on the reply.
    if (a.rcode === 'SERVFAIL') w.out(`;; Got SERVFAIL reply from ${r.server}\n`);
    else if (checkRa && a.flags.includes('rd') && !a.flags.includes('ra')) w.out(`;; Got recursion not available from ${r.server}\n`);
    const searchGoesOn = a.rcode === 'NXDOMAIN' && next !== undefined && next.type === q.type;
    if (searchGoesOn) continue;
    if (!printMessage(w, r, q.name, q.type, a, st)) break;
  }
  w.out('\n');
  return w.done((st.printed ? 0 : 1) | (st.printError ? 1 : 0));
}

/** nslookup.c printmessage(); false when the lookup failed and nothing more is asked. */
function printMessage(w: Writer, r: DnsToolResult, name: string, type: string, a: DnsAnswer, st: State): boolean {
  st.printed = true;
  if (type === 'A') w.out(`Server:\t\t${r.serverArg ?? r.server}\nAddress:\t${a.server}#${a.port}\n\n`);
  if (a.rcode !== 'NOERROR') {
    w.out(`** server can't find ${bare(name)}: ${a.rcode}\n`);
    st.printError = true;
    return false;
  }
  const aa = a.flags.includes('aa');
  if (!aa && type === 'A') w.out('Non-authoritative answer:\n');
  if (a.answers.length) w.out(section(a.answers, true));
  else if (type === 'A') st.aNoAnswer = true;
  else if (type === 'AAAA' && st.aNoAnswer) w.out(`*** Can't find ${bare(name)}: No answer\n`);
  if (!aa && type !== 'A' && type !== 'AAAA') {
    w.out('\nAuthoritative answers can be found from:\n');
    w.out(section(a.authority, false) + section(a.additional, false));
  }
  return true;
}

/** nslookup.c printsection(). */
function section(records: DnsAnswer['answers'], answer: boolean): string {
  return records.map((rec) => {
    if ((rec.type === 'A' || rec.type === 'AAAA') && answer) return `Name:\t${bare(rec.name)}\nAddress: ${rec.data}\n`;
    if (rec.type === 'SOA') return `${bare(rec.name)}\n${soaText(rec.data)}`;
    const text = RTYPE_TEXT[rec.type];
    return `${bare(rec.name)}\t${text ?? `rdata_${rec.type} = `}${rec.data}\n`;
  }).join('');
}

/** nslookup.c printsoa(): the SOA fields one per line. */
function soaText(data: string): string {
  const [mname = '', rname = '', serial, refresh, retry, expire, minimum] = data.trim().split(/\s+/);
  return `\torigin = ${bare(mname)}\n\tmail addr = ${bare(rname)}\n\tserial = ${serial}\n\trefresh = ${refresh}\n`
    + `\tretry = ${retry}\n\texpire = ${expire}\n\tminimum = ${minimum}\n`;
}
