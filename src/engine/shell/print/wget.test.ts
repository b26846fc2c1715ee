import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CurlResult } from '../results';
import { fileFromPath, printWget, smartUlltoa5 } from './wget';
import { asFixture, body, parseFixture } from './testing/fixture';

const fixture = (name: string) => parseFixture(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

function get(url: string, ip: string, over: Partial<CurlResult> = {}): CurlResult {
  const m = /^http:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url)!;
  return { url, scheme: 'http', host: m[1]!, port: Number(m[2] ?? 80), path: m[3] ?? '/',
    lookup: { kind: 'found', addresses: [ip] }, ip, connect: { kind: 'connected', ms: 1 }, totalMs: 2,
    response: { version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [], body: 'hello from api\n' }, ...over };
}

describe('printWget (BusyBox 1.36.1)', () => {
  it('dies with the status line for a 404, as captured', () => {
    const f = fixture('wget-404-quiet.txt');
    const r = get('http://ipinfo.default.svc.cluster.local/', '34.117.59.81', { response: { version: 'HTTP/1.1', status: 404, reason: 'Not Found', headers: [], body: 'nope' } });
    expect(asFixture(printWget(r, { quiet: true, outputDocument: '-' }), f)).toEqual(body(f));
  });

  it('names the address it could not connect to, as captured', () => {
    const f = fixture('wget-refused.txt');
    const r = get('http://app:8080/health', '172.22.0.2', { connect: { kind: 'refused', ms: 0 } });
    expect(asFixture(printWget(r, { quiet: true, outputDocument: '-' }), f)).toEqual(body(f));
  });

  it('says "bad address" with the URL\'s host and port, as captured', () => {
    const f = fixture('wget-bad-address.txt');
    const r = get('http://qdrant:6333/', '', { lookup: { kind: 'not-found' } });
    expect(asFixture(printWget(r, { quiet: true, outputDocument: '-' }), f)).toEqual(body(f));
  });

  it('prints the connecting line, the bar and "written to stdout" without -q', () => {
    const f = fixture('wget-verbose.txt');
    expect(asFixture(printWget(get('http://api/', '10.96.12.7'), { outputDocument: '-', screenWidth: 80 }), f)).toEqual(body(f));
  });

  it('prints only the body with -q', () => {
    expect(printWget(get('http://api/', '10.96.12.7'), { quiet: true, outputDocument: '-' })).toMatchObject({ stdout: 'hello from api\n', stderr: '', exitCode: 0 });
  });

  it('dies with "error getting response" when the server closes or resets, and "download timed out"', () => {
    const base = get('http://cache:6379/', '10.96.80.3', { response: undefined });
    expect(printWget({ ...base, responseFailure: 'empty-reply' }, { quiet: true }).stderr).toBe('wget: error getting response\n');
    expect(printWget({ ...base, responseFailure: 'reset' }, { quiet: true }).stderr).toBe('wget: error getting response: Connection reset by peer\n');
    expect(printWget({ ...base, responseTimeout: true }, { quiet: true }).stderr).toBe('wget: download timed out\n');
  });

  it('without -O saves to a file named from the URL: "saving to", the bar named after it, "saved", and no body on stdout', () => {
    const out = printWget(get('http://api/docs/guide.txt', '10.96.12.7'), { screenWidth: 80 });
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`Connecting to api (10.96.12.7:80)\nsaving to 'guide.txt'\n\rguide.txt            100% |${'*'.repeat(32)}|    15  0:00:00 ETA\n'guide.txt' saved\n`);
    expect([fileFromPath('/'), fileFromPath('/a/'), fileFromPath('/a/b.html'), fileFromPath('/x?y=1')]).toEqual(['index.html', 'index.html', 'b.html', 'x?y=1']);
    // A long name is cut to the bar's 20 columns.
    expect(printWget(get('http://api/', '10.96.12.7'), { outputDocument: 'a-very-long-file-name-indeed.html', screenWidth: 80 }).stderr).toContain('\ra-very-long-file-nam 100%');
  });

  it('-S prints the status line, each header and the blank line, indented, before the body (also for an error status)', () => {
    const r = get('http://api/', '10.96.12.7', { response: { version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [{ name: 'Content-Length', value: '15' }], body: 'hello from api\n' } });
    expect(printWget(r, { quiet: true, serverResponse: true, outputDocument: '-' })).toMatchObject({ stdout: 'hello from api\n', stderr: '  HTTP/1.1 200 OK\n  Content-Length: 15\n  \n', exitCode: 0 });
    const missing = get('http://api/x', '10.96.12.7', { response: { version: 'HTTP/1.1', status: 404, reason: 'Not Found', headers: [], body: '' } });
    expect(printWget(missing, { quiet: true, serverResponse: true }).stderr).toBe('  HTTP/1.1 404 Not Found\n  \nwget: server returned error: HTTP/1.1 404 Not Found\n');
  });

  it('writes sizes in five characters as smart_ulltoa5 does', () => {
    expect([0, 615, 99999, 100000, 1048576, 123456789].map(smartUlltoa5)).toEqual(['    0', '  615', '99999', '97.6k', '1024k', ' 117M']);
  });
});
