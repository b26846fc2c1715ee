// OpenBSD netcat as Debian packages it (netcat-openbsd 1.229 in Debian 13; the one `nc` is in
// Debian/Ubuntu images and in nicolaka/netshoot): what `nc -z [-v] [-u] [-w SECS] HOST PORT`
// prints. Read from Debian's netcat.c ($OpenBSD: netcat.c,v 1.225, Debian patches applied):
// remote_connect (errx "getaddrinfo for host \"%s\" port %s: %s" on a failed lookup; with -v,
// warn("connect to %s (%s) port %s (%s) %s", ...) where the last word is "failed" or, when -w
// expired, "timed out", and warn() appends ": " + strerror(errno); the "(IP)" is left out when
// the host is the address), connection_info ("Connection to %s" + " (%s)" + " %s port [%s/%s]
// succeeded!" on stderr, the service from /etc/services or "*"), udptest (UDP: an ICMP port
// unreachable makes a later write fail with ECONNREFUSED, and nc says nothing) and main (exit
// 0 when a port connected, 1 otherwise). err(3)/warn(3) prefix "nc: ".
import type { CommandOutput, NcResult } from '../results';
import { connectErrorText, gaiErrorText, STRERROR } from './libc-text';
import { writer } from './output';
import { serviceName } from './services';

export interface NcOptions {
  /** -v: report each connection. podpath's shell form is `nc -zv`, so on by default. */
  readonly verbose?: boolean;
  /** -w SECS: give up a connect after this long ("timed out" instead of the kernel's error). */
  readonly waitSeconds?: number;
  /** -n: no name or service lookups. */
  readonly numeric?: boolean;
}

export function printNc(r: NcResult, opts: NcOptions = {}): CommandOutput {
  const w = writer();
  const verbose = opts.verbose ?? true;
  const proto = r.udp ? 'udp' : 'tcp';
  if (r.lookup.kind !== 'found') {
    w.err(`nc: getaddrinfo for host "${r.host}" port ${r.port}: ${gaiErrorText(r.lookup)}\n`);
    return w.done(1);
  }
  const ip = r.ip ?? r.lookup.addresses[0] ?? r.host;
  const showIp = !opts.numeric && ip !== r.host;
  const c = r.connect;
  const failed = r.udp ? r.udpRefused === true : c !== undefined && c.kind !== 'connected';
  if (failed) {
    // UDP: udptest() fails quietly. TCP: -v tells how the connect ended.
    if (!r.udp && verbose && c && c.kind !== 'connected') {
      const expired = c.kind === 'timeout' && opts.waitSeconds !== undefined && c.ms >= opts.waitSeconds * 1000;
      const how = expired ? `timed out: ${STRERROR.EINPROGRESS}` : `failed: ${connectErrorText(c)}`;
      const where = showIp ? `${r.host} (${ip})` : r.host;
      w.err(`nc: connect to ${where} port ${r.port} (${proto}) ${how}\n`);
    }
    return w.done(1);
  }
  if (verbose) {
    const service = (opts.numeric ? undefined : serviceName(r.port, proto)) ?? '*';
    w.err(`Connection to ${r.host}${showIp ? ` (${ip})` : ''} ${r.port} port [${proto}/${service}] succeeded!\n`);
  }
  return w.done(0);
}
