// dig 9.18 (BIND 9.18 ESV, Ubuntu 24.04's bind9-dnsutils; the release in ../versions.ts; Debian
// 13 ships 9.20, whose dig prints the same text but for its version in the banner): what
// `dig [@SERVER] [+short] [TYPE] NAME` prints. Read from bind9 at tag v9.18.39: bin/dig/dig.c printgreeting (the
// "\n; <<>> DiG %s <<>> args\n", "; (1 server found)", ";; global options: +cmd" banner,
// printed before the first answer or before a failure), printmessage (";; Got answer:", the
// .local mDNS warning, ";; ->>HEADER<<- opcode: %s, status: %s, id: %u", ";; flags:" in the
// order qr aa tc rd ra ad cd, "; QUERY: %u, ANSWER: %u, AUTHORITY: %u, ADDITIONAL: %u",
// ";; WARNING: recursion requested but not available" when rd is set and ra is not, an empty
// line, then the sections) and received (";; Query time: %ld msec", ";; SERVER: %s(%s) (%s)",
// ";; WHEN: %a %b %d %H:%M:%S %Z %Y", ";; MSG SIZE  rcvd: %u", an empty line); +short
// (short_answer: each answer's rdata on a line, and no banner); lib/dns/message.c
// (";; OPT PSEUDOSECTION:", "; EDNS: version: %u, flags:%s; udp: %u", "; COOKIE: ...",
// ";; X SECTION:" and the empty line after each non-empty section; OPT counts in ADDITIONAL);
// bin/dig/dighost.c (a timed-out query: ";; communications error to %s: timed out", retried;
// when every try failed, the banner and ";; no servers could be reached", exit 9; any answer,
// NXDOMAIN included, exits 0).
import type { CommandOutput, DnsAnswer, DnsToolResult } from '../results';
import { writer } from './output';
import { questionLine, recordLine } from './dns-text';
import { TOOL_VERSIONS } from '../versions';

export const DIG_VERSION = TOOL_VERSIONS.dig;

export interface DigOptions {
  /** +noall: no banner, comments, question, stats; with +answer, the answer records alone. */
  readonly noall?: boolean;
  /** +answer (after +noall): show the answer section. */
  readonly answer?: boolean;
  /** The version in the banner (a capture's own, in tests). */
  readonly version?: string;
}

const FLAG_ORDER = ['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'];

export function printDig(r: DnsToolResult, opts: DigOptions = {}): CommandOutput {
  const w = writer();
  const short = r.short;
  const printcmd = !short && !opts.noall;
  const args = r.args ?? [r.name];
  const banner = printcmd
    ? `\n; <<>> DiG ${opts.version ?? DIG_VERSION} <<>> ${args.join(' ')}\n${r.serverArg !== undefined || args.some((a) => a.startsWith('@')) ? '; (1 server found)\n' : ''};; global options: +cmd\n`
    : '';
  for (const q of r.queries) {
    if (q.timeout) w.out(`;; communications error to ${r.server}#53: timed out\n`);
  }
  const answered = [...r.queries].reverse().find((q) => q.answer)?.answer;
  if (!answered) {
    w.out(banner);
    w.out(';; no servers could be reached\n');
    return w.done(9);
  }
  w.out(banner);
  if (short) w.out(answered.answers.map((a) => `${a.data}\n`).join(''));
  else if (opts.noall) { if (opts.answer) w.out(answered.answers.map(recordLine).join('')); }
  else w.out(message(answered) + stats(answered, r));
  return w.done(0);
}

function message(a: DnsAnswer): string {
  const flags = FLAG_ORDER.filter((f) => a.flags.includes(f));
  const additional = a.additional.length + (a.edns ? 1 : 0);
  let out = ';; Got answer:\n';
  if (/(^|\.)local\.?$/i.test(a.question.name))
    out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${a.rcode}, id: ${a.id}\n`;
  out += `;; flags:${flags.map((f) => ` ${f}`).join('')}; QUERY: 1, ANSWER: ${a.answers.length}, AUTHORITY: ${a.authority.length}, ADDITIONAL: ${additional}\n`;
  if (flags.includes('rd') && !flags.includes('ra')) out += ';; WARNING: recursion requested but not available\n';
  out += '\n';
  if (a.edns) {
    out += ';; OPT PSEUDOSECTION:\n';
    out += `; EDNS: version: ${a.edns.version}, flags:${a.edns.do ? ' do' : ''}; udp: ${a.edns.udpSize}\n`;
    if (a.edns.cookie) out += `; COOKIE: ${a.edns.cookie}\n`;
  }
  out += `;; QUESTION SECTION:\n${questionLine(a.question.name, a.question.type)}\n`;
  const section = (title: string, records: DnsAnswer['answers']) =>
    records.length ? `;; ${title} SECTION:\n${records.map(recordLine).join('')}\n` : '';
  out += section('ANSWER', a.answers) + section('AUTHORITY', a.authority) + section('ADDITIONAL', a.additional);
  return out;
}

function stats(a: DnsAnswer, r: DnsToolResult): string {
  return `;; Query time: ${Math.floor(a.ms)} msec\n`
    + `;; SERVER: ${a.server}#${a.port}(${r.serverArg ?? r.server}) (${a.proto})\n`
    + `;; WHEN: ${r.when}\n`
    + `;; MSG SIZE  rcvd: ${a.size}\n\n`;
}
