// Dmitry Butskoy's "Modern traceroute for Linux" 2.1 (Debian 13 traceroute 2.1.6, Ubuntu
// 2.1.5; what `apt install traceroute` and most distribution images give): what
// `traceroute [-n] HOST` prints with its default UDP probes. Read from traceroute/traceroute.c
// (getaddr: "%s: %s\n" with gai_strerror on a failed lookup; print_header: "traceroute to %s
// (%s), %u hops max, %zu byte packets" with the name as typed and no newline; print_probe:
// "\n%2u " at the first probe of a hop, " *" for an unanswered probe, " %s (%s)" from a reverse
// lookup (the address twice when there is no PTR) or " %s" with -n, printed for the first probe
// and again only when the address changes, "  %.3f ms", then " %s" for the ICMP annotation
// (parse_icmp_res: !N, !H, !X, !P, !S, !F-N; port unreachable is the destination, no mark);
// print_end: "\n") and libsupp/clif.c (err_report: "Cannot handle \"%s\" cmdline arg `%s' on
// position %d (argc %d)" when the host argument's handler fails; traceroute then exits 2).
// Read in catchpoint/Pietrasanta-traceroute, a fork of traceroute 2.1 that keeps these
// functions unchanged.
import type { CommandOutput, TracerouteProbe, TracerouteResult } from '../results';
import { cFixed } from './cformat';
import { gaiErrorText } from './libc-text';
import { writer } from './output';

/** parse_icmp_res's annotation for an ICMP destination unreachable code ('' = reached). */
export function tracerouteMark(code: number, mtu = 0): string {
  switch (code) {
    case 0: case 6: case 8: case 11: return '!N';
    case 1: case 7: case 12: return '!H';
    case 9: case 10: case 13: return '!X';
    case 3: return '';
    case 2: return '!P';
    case 4: return `!F-${mtu}`;
    case 5: return '!S';
    case 14: return '!V';
    case 15: return '!C';
    default: return `!<${code}>`;
  }
}

export function printTraceroute(r: TracerouteResult): CommandOutput {
  const w = writer();
  if (r.lookup.kind !== 'found') {
    const pos = r.hostArgIndex ?? 1;
    w.err(`${r.target}: ${gaiErrorText(r.lookup)}\n`);
    w.err(`Cannot handle "host" cmdline arg \`${r.target}' on position 1 (argc ${pos})\n`);
    return w.done(2);
  }
  const ip = r.ip ?? r.lookup.addresses[0] ?? r.target;
  w.out(`traceroute to ${r.target} (${ip}), ${r.maxHops} hops max, ${r.packetLen} byte packets`);
  for (const hop of r.hops) {
    w.out(`\n${String(hop.ttl).padStart(2, ' ')} `);
    hop.probes.forEach((pb, np) => w.out(probeText(r, hop.probes, pb, np)));
  }
  w.out('\n');
  return w.done(0);
}

function probeText(r: TracerouteResult, probes: readonly TracerouteProbe[], pb: TracerouteProbe, np: number): string {
  if (!pb.from) return ' *';
  let text = '';
  // Print the address for the first answered probe of the hop, and again when it changes.
  const previous = probes.slice(0, np).reverse().find((p) => p.from);
  if (!previous || previous.from !== pb.from) {
    text += r.numeric ? ` ${pb.from}` : ` ${pb.fromName ?? pb.from} (${pb.from})`;
  }
  if (pb.ms !== undefined) text += `  ${cFixed(pb.ms, 3)} ms`;
  if (pb.note) text += ` ${pb.note}`;
  return text;
}
