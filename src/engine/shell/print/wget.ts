// BusyBox wget 1.36.1 (the wget of busybox and Alpine images; 1.37 prints the same): what
// `wget [-q] [-S] [-O FILE|-] URL` prints. Read from busybox at tag 1_36_1: libbb/xconnect.c str2sockaddr
// ("bad address '%s'" with the URL's host[:port]) and xconnect ("%s (%s)", "can't connect to
// remote host", the address, then ": " + strerror), networking/wget.c ("Connecting to %s (%s)"
// with host[:port] and ip:port unless -q; "writing to stdout"; fgets_trim_sanitize's
// "error getting response" (+ strerror when errno is set); "server returned error: %s" with
// the status line for a status it does not take (not 2xx/3xx); alarm_handler's "download timed
// out"; "written to stdout") and libbb/progress.c bb_progress_update (the bar drawn when the
// transfer ends: "\r%-20.20s " of the file name, "%3u%% ", "|***|" of the terminal width less
// 48, the size by smart_ulltoa5, and "%3u:%02u:%02u ETA"). Every failure exits 1
// (bb_error_msg_and_die) and prints "wget: " + message on stderr, -q or not. Without -O the
// file is the URL path's last component, else index.html (download_one_url); "saving to '%s'",
// the bar named after the file, and "'%s' saved". -S prints each response line as the reader
// takes it (fgets_trim_sanitize's "  %s\n": the status line, the headers, the blank line).
import type { CommandOutput, CurlResult } from '../results';
import { connectErrorText, STRERROR } from './libc-text';
import { writer } from './output';

export interface WgetOptions {
  /** -q: no "Connecting to", no progress, no "written to stdout". */
  readonly quiet?: boolean;
  /** -O: '-' for stdout, a file name; absent, the name comes from the URL. */
  readonly outputDocument?: string;
  /** -S: the server's response lines on stderr. */
  readonly serverResponse?: boolean;
  /** The terminal width the progress bar fills (stderr's); 80 when unknown, as busybox assumes. */
  readonly screenWidth?: number;
}

/** The host as written in the URL, with its port when the URL had one (busybox keeps "host:port"). */
function authority(r: CurlResult): string {
  const m = /^[a-z]+:\/\/([^/?#]*)/i.exec(r.url);
  const hostPort = m?.[1]?.replace(/^[^@]*@/, '');
  return hostPort || r.host;
}

export function printWget(r: CurlResult, opts: WgetOptions = {}): CommandOutput {
  const w = writer();
  const die = (message: string) => { w.err(`wget: ${message}\n`); return w.done(1); };
  const host = authority(r);
  if (r.lookup.kind !== 'found') return die(`bad address '${host}'`);
  const ip = r.ip ?? r.lookup.addresses[0] ?? r.host;
  if (!opts.quiet) w.err(`Connecting to ${host} (${ip}:${r.port})\n`);
  const c = r.connect;
  if (c && c.kind !== 'connected') return die(`can't connect to remote host (${ip}): ${connectErrorText(c)}`);
  if (r.responseFailure === 'reset') return die(`error getting response: ${STRERROR.ECONNRESET}`);
  if (r.responseFailure === 'empty-reply') return die('error getting response');
  const res = r.response;
  if (!res || r.responseTimeout) return die('download timed out');
  if (opts.serverResponse) {
    w.err(`  ${res.version} ${res.status} ${res.reason}\n`);
    for (const h of res.headers) w.err(`  ${h.name}: ${h.value}\n`);
    w.err('  \n');
  }
  const taken = (res.status >= 200 && res.status <= 204) || [300, 301, 302, 303, 307, 308].includes(res.status);
  if (!taken) return die(`server returned error: ${res.version} ${res.status} ${res.reason}`);
  const file = opts.outputDocument ?? fileFromPath(r.path);
  const toStdout = file === '-';
  if (!opts.quiet) w.err(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
  // The file itself is not kept: podpath has no files, so it never exists beforehand either.
  if (toStdout) w.out(res.body);
  if (!opts.quiet) {
    w.err(progressLine(lastComponent(file), new TextEncoder().encode(res.body).length, opts.screenWidth ?? 80));
    w.err(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
  }
  return w.done(0);
}

/** download_one_url's guess without -O: the last component of the URL's path (query and all), or index.html. */
export function fileFromPath(path: string): string {
  const last = lastComponent(path);
  return last === '' ? 'index.html' : last;
}

/** bb_get_last_path_component_nostrip: what follows the last slash ("" for a path that ends in one). */
const lastComponent = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * bb_progress_update's last call on a terminal, then the newline progress_meter adds. At the end
 * the transferred bytes equal the total, so the ETA is 0; an empty body has no total (no
 * percentage, no bar, "--:--:--").
 */
function progressLine(name: string, size: number, width: number): string {
  let line = `\r${name.slice(0, 20).padEnd(20)} `;
  if (size > 0) {
    line += '100% ';
    const barlength = Math.min(width - 48, 999);
    if (barlength > 2) line += `|${'*'.repeat(barlength)}| `;
  }
  line += smartUlltoa5(size);
  line += size > 0 ? '  0:00:00 ETA' : ' --:--:-- ETA';
  return `${line}\n`;
}

/** libbb/human_readable.c smart_ulltoa5: five characters, scaled by 1024 with " kMGTPEZY" above 99999. */
export function smartUlltoa5(n: number): string {
  let ul = n;
  let idx = 0;
  if (ul > 99999) {
    ul *= 10;
    do { ul = Math.floor(ul / 1024); idx++; } while (ul >= 100000);
  }
  const u = Math.floor(ul / 10);
  const v = ul % 10;
  const digit = (d: number, lead: boolean) => (lead ? '0123456789' : ' 123456789')[d]!;
  if (!idx) {
    let lead = false;
    let s = '';
    for (const d of [Math.floor(u / 1000), Math.floor(u / 100) % 10, Math.floor(u / 10) % 10, u % 10]) {
      const ch = digit(d, lead);
      if (ch !== ' ') lead = true;
      s += ch;
    }
    return s + '0123456789'[v]!;
  }
  const scale = ' kMGTPEZY'[idx]!;
  if (u >= 100) {
    const c0 = digit(Math.floor(u / 1000), false);
    const c1 = digit(Math.floor(u / 100) % 10, c0 !== ' ');
    const c2 = digit(Math.floor(u / 10) % 10, c0 !== ' ' || c1 !== ' ');
    return `${c0}${c1}${c2}${u % 10}${scale}`;
  }
  const c0 = digit(Math.floor(u / 10), false);
  return `${c0}${digit(u % 10, c0 !== ' ')}.${v}${scale}`;
}
