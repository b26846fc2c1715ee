// curl 8.11.1 (Alpine 3.21; the version in ../versions.ts): what `curl [-v] [-I] [-s] [-S] [-f]
// URL` prints. Read from curl's source at tag curl-8_14_1 and checked line by line against
// curl-8_11_1, where every message and code path below is the same: lib/hostip.c show_resolve_info (the
// "Host ... was resolved." / "IPv6:" / "IPv4:" lines, skipped for a numeric host),
// lib/cf-socket.c ("  Trying %s:%d...", "connect to %s port %u from %s port %d failed: %s",
// "Immediate connect fail for %s: %s", "Recv failure: %s"), lib/url.c Curl_verboseconnect
// ("Connected to %s (%s) port %u", "using HTTP/1.x"), lib/connect.c ("Failed to connect to %s
// port %u after %ld ms: %s"; ETIMEDOUT turns the code into 28), lib/multi.c
// multi_handle_timeout ("Connection timed out after %ld milliseconds", "Operation timed out
// after ...") and multi_done ("Connection #0 to host %s left intact"), lib/conncache.c
// ("closing connection #0" when the transfer was aborted, "shutting down connection #0"
// otherwise), lib/request.c ("Request completely sent off"), lib/http.c (Host/User-Agent/
// Accept order, "Empty reply from server", -f's "The requested URL returned error: %d" written
// before the header block's blank line), lib/strerror.c ("Could not connect to server" since
// 8.9.0), src/tool_operate.c ("curl: (%d) %s", muted by -s unless -S) and src/tool_cb_dbg.c
// ("* ", "> ", "< " prefixes; "{ [N bytes data]" only when stdout is not a terminal),
// lib/vtls/openssl.c ossl_connect_step2 ("TLS connect error: " + "OpenSSL/x.y.z: " + the
// OpenSSL error, exit 35; "SSL certificate problem: %s", exit 60, after which tool_operate.c
// prints CURL_CA_CERT_ERRORMSG).
// Header lines keep their CRLF, as curl writes the bytes it sent and received.
// The progress meter: curl switches it off when the body goes to a terminal
// (tool_operate.c: isatty(stdout) => noprogress), and podpath's shell is a terminal.
import type { CommandOutput, CurlResult, HttpHeader } from '../results';
import { connectErrorText, isIPv4Literal, STRERROR } from './libc-text';
import { writer, type Writer } from './output';
import { TOOL_VERSIONS } from '../versions';

export const CURL_VERSION = TOOL_VERSIONS.curl;

/** src/tool_operate.c CURL_CA_CERT_ERRORMSG, printed after a certificate verification error. */
const CA_CERT_ERRORMSG = 'More details here: https://curl.se/docs/sslcerts.html\n\n'
  + 'curl failed to verify the legitimacy of the server and therefore could not\n'
  + 'establish a secure connection to it. To learn more about this situation and\n'
  + 'how to fix it, please visit the webpage mentioned above.\n';

export interface CurlOptions {
  readonly verbose?: boolean;
  /** -I: a HEAD request, the response headers printed on stdout. */
  readonly head?: boolean;
  /** -s: no progress meter and no error message. */
  readonly silent?: boolean;
  /** -S: with -s, still print the error message. */
  readonly showError?: boolean;
  /** -f: an HTTP status of 400 or more is error 22, and no body is printed. */
  readonly fail?: boolean;
  /** -o -: the body to stdout (the default). */
  readonly output?: '-';
  /**
   * Whether stdout is a terminal (podpath's shell is; true by default). When it is not,
   * curl -v notes each received body as "{ [N bytes data]" and stdout, fully buffered,
   * comes out at exit. podpath does not draw the progress meter a non-terminal gets without -s.
   */
  readonly stdoutIsTty?: boolean;
}

/** The request headers curl sends, in its order: Host, User-Agent, Accept, then the user's -H. */
export function curlRequestHeaders(host: string, port: number, scheme: 'http' | 'https',
  extra: readonly HttpHeader[] = []): HttpHeader[] {
  const defaultPort = scheme === 'https' ? 443 : 80;
  const customHost = extra.find((h) => h.name.toLowerCase() === 'host');
  return [
    customHost ?? { name: 'Host', value: port === defaultPort ? host : `${host}:${port}` },
    { name: 'User-Agent', value: `curl/${CURL_VERSION}` },
    ...(extra.some((h) => h.name.toLowerCase() === 'accept') ? [] : [{ name: 'Accept', value: '*/*' }]),
    ...extra.filter((h) => h.name.toLowerCase() !== 'host'),
  ];
}

type Close = 'closing' | 'shutting down';

export function printCurl(r: CurlResult, opts: CurlOptions = {}): CommandOutput {
  const w = writer();
  const tty = opts.stdoutIsTty ?? true;
  const info = (line: string) => { if (opts.verbose) w.err(`* ${line}\n`); };
  let stdout = '';
  const toStdout = (text: string) => { if (tty) w.out(text); else stdout += text; };
  const finish = (code: number) => { if (stdout) w.out(stdout); return w.done(code); };
  const fail = (code: number, message: string, close: Close, reported = false) => {
    if (!reported) info(message);
    info(`${close} connection #0`);
    if (!opts.silent || opts.showError) {
      w.err(`curl: (${code}) ${message}\n`);
      if (code === 60) w.err(CA_CERT_ERRORMSG);
    }
    return finish(code);
  };
  const maxMs = r.maxTimeSeconds !== undefined ? r.maxTimeSeconds * 1000 : undefined;

  const lookup = r.lookup;
  if (lookup.kind !== 'found') {
    if (lookup.kind === 'timeout' && maxMs !== undefined && r.totalMs >= maxMs)
      return fail(28, `Resolving timed out after ${r.totalMs} milliseconds`, 'closing');
    return fail(6, `Could not resolve host: ${r.host}`, 'shutting down');
  }
  if (!isIPv4Literal(r.host)) {
    info(`Host ${r.host}:${r.port} was resolved.`);
    info('IPv6: (none)');
    info(`IPv4: ${lookup.addresses.length ? lookup.addresses.join(', ') : '(none)'}`);
  }
  const ip = r.ip ?? lookup.addresses[0] ?? r.host;
  info(`  Trying ${ip}:${r.port}...`);
  const c = r.connect;
  if (!c) throw new Error('printCurl: a found name needs a connect outcome');
  if (c.kind !== 'connected') {
    const from = r.local ?? { ip: '0.0.0.0', port: 0 };
    const cantConnect = `Failed to connect to ${r.host} port ${r.port} after ${c.ms} ms: Could not connect to server`;
    if (c.kind === 'timeout' && maxMs !== undefined && c.ms >= maxMs)
      return fail(28, `Connection timed out after ${c.ms} milliseconds`, 'closing');
    if ((c.kind === 'net-unreachable' || c.kind === 'host-unreachable') && c.immediate)
      info(`Immediate connect fail for ${ip}: ${connectErrorText(c)}`);
    else info(`connect to ${ip} port ${r.port} from ${from.ip} port ${from.port} failed: ${connectErrorText(c)}`);
    return fail(c.kind === 'timeout' ? 28 : 7, cantConnect, 'closing');
  }
  info(`Connected to ${r.host} (${ip}) port ${r.port}`);
  if (r.scheme === 'https') {
    info('[podpath] the TLS handshake is not modelled: curl would print OpenSSL\'s handshake and the server certificate here');
    if (r.tlsError === 'not-tls')
      return fail(35, `TLS connect error: OpenSSL/${TOOL_VERSIONS.openssl}: error:0A00010B:SSL routines::wrong version number`, 'closing');
    if (r.tlsError === 'untrusted') return fail(60, `SSL certificate problem: ${r.tlsVerifyError ?? 'unable to get local issuer certificate'}`, 'closing');
  }
  info('using HTTP/1.x');
  return exchange(r, opts, w, { info, toStdout, fail, finish }, maxMs);
}

interface Io {
  readonly info: (line: string) => void;
  readonly toStdout: (text: string) => void;
  /** failf() shows the message as an info line (unless `reported` already), then curl exits with it. */
  readonly fail: (code: number, message: string, close: Close, reported?: boolean) => CommandOutput;
  readonly finish: (code: number) => CommandOutput;
}

/** The HTTP part once connected: request, response headers, body, and how the connection ends. */
function exchange(r: CurlResult, opts: CurlOptions, w: Writer, io: Io, maxMs: number | undefined): CommandOutput {
  const tty = opts.stdoutIsTty ?? true;
  const method = opts.head ? 'HEAD' : (r.request?.method ?? 'GET');
  const target = r.request?.target ?? r.path;
  const headers = r.request?.headers ?? curlRequestHeaders(r.host, r.port, r.scheme);
  if (opts.verbose) {
    w.err(`> ${method} ${target} HTTP/1.1\r\n`);
    for (const h of headers) w.err(`> ${h.name}: ${h.value}\r\n`);
    w.err('> \r\n');
  }
  io.info('Request completely sent off');
  if (r.responseFailure === 'reset') return io.fail(56, `Recv failure: ${STRERROR.ECONNRESET}`, 'closing');
  if (r.responseFailure === 'empty-reply') return io.fail(52, 'Empty reply from server', 'shutting down');
  const res = r.response;
  if (!res || r.responseTimeout) {
    const ms = maxMs !== undefined ? Math.max(r.totalMs, maxMs) : r.totalMs;
    return io.fail(28, `Operation timed out after ${ms} milliseconds with 0 bytes received`, 'closing');
  }
  const headerLine = (line: string) => {
    if (opts.verbose) w.err(`< ${line}\r\n`);
    if (opts.head) io.toStdout(`${line}\r\n`);
  };
  headerLine(`${res.version} ${res.status} ${res.reason}`);
  for (const h of res.headers) headerLine(`${h.name}: ${h.value}`);
  if (opts.fail && res.status >= 400) {
    const message = `The requested URL returned error: ${res.status}`;
    io.info(message);
    headerLine('');
    return io.fail(22, message, 'closing', true);
  }
  headerLine('');
  if (!opts.head && res.body !== '') {
    if (opts.verbose && !tty) w.err(`{ [${utf8Length(res.body)} bytes data]\n`);
    // A terminal's stdout is line-buffered: whole lines show at once, a last partial line at exit.
    const cut = tty ? res.body.lastIndexOf('\n') + 1 : res.body.length;
    io.toStdout(res.body.slice(0, cut));
    const rest = res.body.slice(cut);
    closeLine(r, io);
    io.toStdout(rest);
    return io.finish(0);
  }
  closeLine(r, io);
  return io.finish(0);
}

function closeLine(r: CurlResult, io: Io) {
  const closes = r.response?.headers.some((h) => h.name.toLowerCase() === 'connection' && /\bclose\b/i.test(h.value));
  io.info(closes ? 'shutting down connection #0' : `Connection #0 to host ${r.host} left intact`);
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}
