import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CurlResult, HttpHeader } from '../results';
import { curlRequestHeaders, printCurl } from './curl';
import { asFixture, body, parseFixture } from './testing/fixture';

const fixture = (name: string) => parseFixture(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const lf = (s: string) => s.replace(/\r\n/g, '\n');
const trimmed = (s: string) => lf(s).replace(/[ \t]+$/gm, '');
const hdrs = (...pairs: [string, string][]): HttpHeader[] => pairs.map(([name, value]) => ({ name, value }));

/** A curl run to the api Service (10.96.12.7) from a pod at 10.244.1.3. */
function apiRun(over: Partial<CurlResult> = {}): CurlResult {
  return {
    url: 'http://api/', scheme: 'http', host: 'api', port: 80, path: '/',
    lookup: { kind: 'found', addresses: ['10.96.12.7'] }, ip: '10.96.12.7',
    connect: { kind: 'connected', ms: 2 }, local: { ip: '10.244.1.3', port: 41234 },
    request: { method: 'GET', target: '/', headers: curlRequestHeaders('api', 80, 'http') },
    totalMs: 3,
    ...over,
  };
}

const nginx404 = { version: 'HTTP/1.1' as const, status: 404, reason: 'Not Found',
  headers: hdrs(['Server', 'nginx/1.27.3'], ['Content-Type', 'text/html'], ['Content-Length', '153']),
  body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n</html>\r\n' };

describe('printCurl (curl 8.11.1)', () => {
  it('prints -v for a numeric host to a pipe as the captured 8.14.1 run shows it', () => {
    const f = fixture('curl-v-ip-literal-piped.txt');
    const body153 = '{"system":"L9","component":"api-server","status":"alive","version":"0.5.0 (Research Factory Integration)","timestamp":"2026-02-15T18:11:59.100428+00:00"}';
    const r: CurlResult = {
      url: 'http://127.0.0.1:8000/_echo', scheme: 'http', host: '127.0.0.1', port: 8000, path: '/_echo',
      lookup: { kind: 'found', addresses: ['127.0.0.1'] }, ip: '127.0.0.1', connect: { kind: 'connected', ms: 0 },
      request: { method: 'GET', target: '/_echo', headers: hdrs(['Host', '127.0.0.1:8000'], ['User-Agent', 'curl/8.14.1'], ['Accept', '*/*']) },
      response: { version: 'HTTP/1.1', status: 200, reason: 'OK', body: body153,
        headers: hdrs(['date', 'Sun, 15 Feb 2026 18:11:58 GMT'], ['server', 'uvicorn'], ['content-length', '153'], ['content-type', 'application/json']) },
      totalMs: 1,
    };
    const out = printCurl(r, { verbose: true, silent: true, stdoutIsTty: false });
    expect(asFixture(out, f, lf)).toEqual(body(f));
    expect(out.stdout).toBe(body153);
  });

  it('prints -v for a name with two addresses to a terminal as the captured 8.11.1 run shows it', () => {
    const f = fixture('curl-v-name-terminal.txt');
    const host = 'ipv4-to-dualstack-XXXXXXXX.ap-northeast-3.elb.amazonaws.com';
    const r: CurlResult = {
      url: `http://${host}/index2.php`, scheme: 'http', host, port: 80, path: '/index2.php',
      lookup: { kind: 'found', addresses: ['15.XX.XX.95', '15.XX.XX.67'] }, ip: '15.XX.XX.95',
      connect: { kind: 'connected', ms: 5 },
      request: { method: 'GET', target: '/index2.php', headers: hdrs(['Host', host], ['User-Agent', 'curl/8.11.1'], ['Accept', '*/*']) },
      response: { version: 'HTTP/1.1', status: 200, reason: 'OK', body: '<html><h1>HTTP_X_FORWARDED_FOR: 56.XX.XX.235</html></h1>\n',
        headers: hdrs(['Date', 'Thu, 25 Dec 2025 15:44:37 GMT'], ['Content-Type', 'text/html; charset=UTF-8'],
          ['Transfer-Encoding', 'chunked'], ['Connection', 'keep-alive'], ['Server', 'nginx/1.28.0']) },
      totalMs: 9,
    };
    expect(asFixture(printCurl(r, { verbose: true }), f, trimmed)).toEqual(body(f));
  });

  it('writes header lines with their CRLF and the body between them and "left intact" on a terminal', () => {
    const out = printCurl(apiRun({ response: { ...nginx404, status: 200, reason: 'OK' } }), { verbose: true });
    expect(out.stderr).toContain('> GET / HTTP/1.1\r\n> Host: api\r\n> User-Agent: curl/8.11.1\r\n> Accept: */*\r\n> \r\n');
    expect(out.stderr).toContain('< HTTP/1.1 200 OK\r\n');
    const fds = out.chunks!.map((c) => c.fd);
    expect(fds.slice(-2)).toEqual([1, 2]);
    expect(out.chunks!.at(-1)!.text).toBe('* Connection #0 to host api left intact\n');
  });

  it('keeps a body without a final newline until exit, as line-buffered stdout does', () => {
    const out = printCurl(apiRun({ response: { ...nginx404, status: 200, reason: 'OK', body: 'one\ntwo' } }), { verbose: true });
    expect(out.chunks!.slice(-3)).toEqual([{ fd: 1, text: 'one\n' }, { fd: 2, text: '* Connection #0 to host api left intact\n' }, { fd: 1, text: 'two' }]);
  });

  it('fails a 404 with -f -s -S as curl test 24 expects', () => {
    const f = fixture('curl-fail-404.txt');
    const out = printCurl(apiRun({ response: nginx404 }), { fail: true, silent: true, showError: true });
    expect(asFixture(out, f)).toEqual(body(f));
  });

  it('reports -f -v failure before the blank header line', () => {
    const f = fixture('curl-v-fail-404.txt');
    const r = apiRun({ path: '/missing', request: { method: 'GET', target: '/missing', headers: curlRequestHeaders('api', 80, 'http') }, response: nginx404 });
    expect(asFixture(printCurl(r, { fail: true, verbose: true }), f, lf)).toEqual(body(f));
  });

  it('prints "Could not resolve host" and shuts the connection down for NXDOMAIN', () => {
    const f = fixture('curl-resolve-fail.txt');
    const r = apiRun({ url: 'http://nosuch/', host: 'nosuch', lookup: { kind: 'not-found' }, connect: undefined });
    delete (r as { ip?: string }).ip;
    expect(asFixture(printCurl(r, { verbose: true }), f)).toEqual(body(f));
  });

  it('prints the refused connect with the local address and "Could not connect to server"', () => {
    const f = fixture('curl-refused.txt');
    const r = apiRun({ connect: { kind: 'refused', ms: 3 }, response: undefined });
    expect(asFixture(printCurl(r, { verbose: true }), f)).toEqual(body(f));
  });

  it('prints "Connection timed out after N milliseconds" when -m ends the connect', () => {
    const f = fixture('curl-connect-timeout-m.txt');
    const r = apiRun({ url: 'http://198.51.100.7:81/', host: '198.51.100.7', port: 81, lookup: { kind: 'found', addresses: ['198.51.100.7'] },
      ip: '198.51.100.7', connect: { kind: 'timeout', ms: 5002 }, maxTimeSeconds: 5, totalMs: 5002 });
    expect(asFixture(printCurl(r, { verbose: true }), f)).toEqual(body(f));
  });

  it('exits 28 with "Could not connect to server" when the kernel gives up on the SYN', () => {
    const f = fixture('curl-connect-timeout-kernel.txt');
    const r = apiRun({ url: 'http://198.51.100.7:81/', host: '198.51.100.7', port: 81, lookup: { kind: 'found', addresses: ['198.51.100.7'] },
      ip: '198.51.100.7', connect: { kind: 'timeout', ms: 134118 }, totalMs: 134118 });
    expect(asFixture(printCurl(r), f)).toEqual(body(f));
  });

  it('prints "Empty reply from server" when the server closes without answering', () => {
    const f = fixture('curl-empty-reply.txt');
    const r = apiRun({ url: 'http://cache:6379/', host: 'cache', port: 6379, lookup: { kind: 'found', addresses: ['10.96.80.3'] },
      ip: '10.96.80.3', request: { method: 'GET', target: '/', headers: curlRequestHeaders('cache', 6379, 'http') }, responseFailure: 'empty-reply' });
    expect(asFixture(printCurl(r, { verbose: true }), f, lf)).toEqual(body(f));
  });

  it('prints "Recv failure: Connection reset by peer" for a reset', () => {
    const f = fixture('curl-reset.txt');
    expect(asFixture(printCurl(apiRun({ host: 'db', port: 5432, responseFailure: 'reset' })), f)).toEqual(body(f));
  });

  it('prints -I headers on stdout, each line ending in CRLF', () => {
    const f = fixture('curl-head.txt');
    const headers = hdrs(['Server', 'nginx/1.27.3'], ['Date', 'Mon, 05 Jan 2026 10:00:00 GMT'], ['Content-Type', 'text/html'],
      ['Content-Length', '615'], ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'], ['Connection', 'keep-alive'],
      ['ETag', '"6745ef54-267"'], ['Accept-Ranges', 'bytes']);
    const out = printCurl(apiRun({ response: { version: 'HTTP/1.1', status: 200, reason: 'OK', headers, body: '' } }), { head: true });
    expect(asFixture(out, f, lf)).toEqual(body(f));
    expect(out.stdout.endsWith('Accept-Ranges: bytes\r\n\r\n')).toBe(true);
  });

  it('is silent with -s and prints the error again with -S', () => {
    const r = apiRun({ connect: { kind: 'refused', ms: 1 } });
    expect(printCurl(r, { silent: true })).toMatchObject({ stdout: '', stderr: '', exitCode: 7 });
    expect(printCurl(r, { silent: true, showError: true }).stderr).toBe('curl: (7) Failed to connect to api port 80 after 1 ms: Could not connect to server\n');
  });

  it('says "Immediate connect fail" when the client has no route', () => {
    const out = printCurl(apiRun({ connect: { kind: 'net-unreachable', ms: 0, immediate: true } }), { verbose: true });
    expect(out.stderr).toContain('* Immediate connect fail for 10.96.12.7: Network is unreachable\n');
    expect(out.exitCode).toBe(7);
  });

  it('says "No route to host" for an ICMP host unreachable', () => {
    const out = printCurl(apiRun({ connect: { kind: 'host-unreachable', ms: 3004 } }), { verbose: true });
    expect(out.stderr).toContain('* connect to 10.96.12.7 port 80 from 10.244.1.3 port 41234 failed: No route to host\n');
  });

  it('names the custom Host header where curl puts Host, and the port when it is not 80', () => {
    expect(curlRequestHeaders('api', 8080, 'http', hdrs(['Host', 'shop.example']))).toEqual(
      hdrs(['Host', 'shop.example'], ['User-Agent', 'curl/8.11.1'], ['Accept', '*/*']));
    expect(curlRequestHeaders('api', 8080, 'http')[0]).toEqual({ name: 'Host', value: 'api:8080' });
  });

  it('fails https to a server that does not speak TLS with 35, and an untrusted certificate with 60', () => {
    const tls = apiRun({ url: 'https://api/', scheme: 'https', port: 443 });
    expect(printCurl({ ...tls, tlsError: 'not-tls' })).toMatchObject({ exitCode: 35,
      stderr: 'curl: (35) TLS connect error: OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number\n' });
    const untrusted = printCurl({ ...tls, tlsError: 'untrusted' }, { verbose: true });
    expect(untrusted.exitCode).toBe(60);
    expect(untrusted.stderr).toContain('* SSL certificate problem: unable to get local issuer certificate\n* closing connection #0\n'
      + 'curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\n');
  });

  it('prints "Operation timed out" when -m ends the wait for a response', () => {
    const out = printCurl(apiRun({ responseTimeout: true, maxTimeSeconds: 2, totalMs: 2001 }));
    expect(out).toMatchObject({ stderr: 'curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received\n', exitCode: 28 });
  });
});
