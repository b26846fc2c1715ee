// iputils ping 20240117 (Ubuntu 24.04; the release in ../versions.ts; Debian 13's 20240905
// prints the same, `git diff 20240117 20240905 -- ping/` changes no output): what
// `ping [-c N] [-n] HOST` prints. Read from iputils at tag 20240905: ping/ping.c
// (main: getaddrinfo failure => error(2, 0, "%s: %s", target, gai_strerror()); ping4_run: a
// numeric target sets -n, otherwise the name printed is the lookup's canonical name;
// "connect" error of the probe socket; "PING %s (%s) " "%d(%d) bytes of data."; pr_addr:
// "name (address)" from a reverse lookup unless -n, the address alone when there is no PTR;
// receive_error_msg: "From %s icmp_seq=%u " + pr_icmph; pr_echo_reply " icmp_seq=%u") and
// ping/ping_common.c (gather_statistics: "%d bytes from %s:", " ttl=%d", the time precision
// steps; acknowledge(): the "pipe" count; finish(): the statistics block, "%g%% packet loss",
// rtt in integer microseconds with llsqrt for mdev, exit 1 when nothing came back).
import type { CommandOutput, PingReply, PingResult } from '../results';
import { cG, idiv } from './cformat';
import { gaiErrorText, isIPv4Literal, STRERROR } from './libc-text';
import { writer } from './output';

/** ping's default: 56 data bytes, an 8-byte ICMP header, a 20-byte IP header. */
const DATALEN = 56;
/** Echoes go out once a second (ping's default interval). */
const INTERVAL_MS = 1000;

/** pr_icmph's text for an ICMP error, by type and code (ping/ping.c). */
export function icmpErrorText(type: number, code: number): string {
  if (type === 3) {
    const unreach: Record<number, string> = {
      0: 'Destination Net Unreachable', 1: 'Destination Host Unreachable', 2: 'Destination Protocol Unreachable',
      3: 'Destination Port Unreachable', 5: 'Source Route Failed', 6: 'Destination Net Unknown',
      7: 'Destination Host Unknown', 8: 'Source Host Isolated', 9: 'Destination Net Prohibited',
      10: 'Destination Host Prohibited', 11: 'Destination Net Unreachable for Type of Service',
      12: 'Destination Host Unreachable for Type of Service', 13: 'Packet filtered', 14: 'Precedence Violation',
      15: 'Precedence Cutoff',
    };
    return unreach[code] ?? `Dest Unreachable, Bad Code: ${code}`;
  }
  if (type === 11) return code === 0 ? 'Time to live exceeded' : code === 1 ? 'Frag reassembly time exceeded' : `Time exceeded, Bad Code: ${code}`;
  throw new Error(`icmpErrorText: ICMP type ${type} is not an error ping reports`);
}

/** A round trip in microseconds, as ping measures it. */
const usec = (ms: number) => Math.round(ms * 1000);

/** gather_statistics' " time=..." precision: 3 decimals below 1 ms, 2 below 10, 1 below 100. */
function timeText(t: number): string {
  if (t >= 100000 - 50) return `${idiv(t + 500, 1000)}`;
  if (t >= 10000 - 5) return `${idiv(t + 50, 1000)}.${idiv((t + 50) % 1000, 100)}`;
  if (t >= 1000) return `${idiv(t + 5, 1000)}.${String(idiv((t + 5) % 1000, 10)).padStart(2, '0')}`;
  return `${idiv(t, 1000)}.${String(t % 1000).padStart(3, '0')}`;
}

const ms3 = (t: number) => `${idiv(t, 1000)}.${String(t % 1000).padStart(3, '0')}`;

export function printPing(r: PingResult): CommandOutput {
  const w = writer();
  if (r.lookup.kind !== 'found') {
    w.err(`ping: ${r.target}: ${gaiErrorText(r.lookup)}\n`);
    return w.done(2);
  }
  const ip = r.ip ?? r.lookup.addresses[0] ?? r.target;
  if (r.localError) {
    w.err(`ping: connect: ${r.localError === 'net-unreachable' ? STRERROR.ENETUNREACH : STRERROR.EHOSTUNREACH}\n`);
    return w.done(2);
  }
  const literal = isIPv4Literal(r.target);
  const hostname = literal ? r.target : (r.lookup.canonical ?? r.target);
  const numeric = literal || r.numeric === true;
  const who = (addr: string, name?: string) => (!numeric && name && name !== addr ? `${name} (${addr})` : addr);

  const datalen = r.dataLen ?? DATALEN;
  w.out(`PING ${hostname} (${ip}) ${datalen}(${datalen + 8 + 20}) bytes of data.\n`);
  const replies = [...r.replies].sort((a, b) => a.seq - b.seq);
  const local = new Map((r.localErrors ?? []).map((e) => [e.seq, e.mtu]));
  for (let seq = 1; seq <= r.count; seq++) {
    // receive_error_msg: a local error is printed by error(), to stderr, as its echo fails to leave.
    const mtu = local.get(seq);
    if (mtu !== undefined) w.err(`ping: local error: message too long, mtu=${mtu}\n`);
    for (const p of replies.filter((x) => x.seq === seq)) {
      if (p.error) w.out(`From ${who(p.from, p.fromName)} icmp_seq=${p.seq} ${p.error}\n`);
      else w.out(`${datalen + 8} bytes from ${who(p.from, p.fromName)}: icmp_seq=${p.seq} ttl=${p.ttl} time=${timeText(usec(p.ms))} ms\n`);
    }
  }
  const received = replies.filter((p) => !p.error);
  const errors = replies.length - received.length + local.size;
  const transmitted = r.count;
  // Without -c ping runs until Ctrl-C; the terminal echoes "^C" before ping's statistics.
  if (r.interrupted) w.out('^C');
  w.out(`\n--- ${hostname} ping statistics ---\n`);
  let line = `${transmitted} packets transmitted, ${received.length} received`;
  if (errors) line += `, +${errors} errors`;
  const loss = Math.fround(((transmitted - received.length) * 100.0) / transmitted);
  line += `, ${cG(loss)}% packet loss, time ${Math.round(r.totalMs)}ms`;
  w.out(`${line}\n`);
  let tail = '';
  if (received.length) tail += rttLine(received);
  const pipe = pipesize(replies, transmitted);
  if (pipe > 1) tail += `${tail ? ', ' : ''}pipe ${pipe}`;
  w.out(`${tail}\n`);
  return w.done(received.length ? 0 : 1);
}

/** finish(): min/avg/max/mdev in integer microseconds, mdev by llsqrt of the variance. */
function rttLine(received: readonly PingReply[]): string {
  const ts = received.map((p) => usec(p.ms));
  const total = ts.length;
  const tsum = ts.reduce((a, b) => a + b, 0);
  const tsum2 = ts.reduce((a, b) => a + b * b, 0);
  const tmin = Math.min(...ts);
  const tmax = Math.max(...ts);
  const tmavg = idiv(tsum, total);
  const tmvar = tsum < 2147483647
    ? Math.trunc((tsum2 - Number((BigInt(tsum) * BigInt(tsum)) / BigInt(total))) / total)
    : Math.trunc(tsum2 / total - tmavg * tmavg);
  const tmdev = llsqrt(tmvar);
  return `rtt min/avg/max/mdev = ${ms3(tmin)}/${ms3(tmavg)}/${ms3(tmax)}/${ms3(tmdev)} ms`;
}

/** ping_common.c llsqrt: Newton's integer square root, rounded down. */
function llsqrt(a: number): number {
  if (a <= 0) return 0;
  let prev = Number.MAX_SAFE_INTEGER;
  let x = a;
  while (x < prev) { prev = x; x = Math.floor((x + Math.floor(a / x)) / 2); }
  return x;
}

/**
 * acknowledge(): the most echoes in flight when an answer arrived. Echo N leaves at
 * (N-1) s; an answer to it arriving after `ms` finds the echoes sent by then outstanding.
 */
function pipesize(replies: readonly PingReply[], count: number): number {
  let pipe = -1;
  for (const p of replies) {
    const arrival = (p.seq - 1) * INTERVAL_MS + p.ms;
    const sent = Math.min(count, Math.floor(arrival / INTERVAL_MS) + 1);
    pipe = Math.max(pipe, sent - p.seq + 1);
  }
  return pipe;
}
