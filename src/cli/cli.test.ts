import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tsx = 'node_modules/.bin/tsx';
const DEFAULT = 'src/scenarios/default.yaml';

describe('command line', () => {
  it('prints a trace as JSON with the fields the issue names', () => {
    const out = execFileSync(tsx, ['src/cli/trace.ts', DEFAULT, '--from', 'default/web', '--to', 'default/api', '--port', '8080', '--json'], { encoding: 'utf8' });
    const t = JSON.parse(out);
    expect(t.verdict).toBe('delivered');
    expect(Object.keys(t.hops[1])).toEqual(expect.arrayContaining(['node', 'netns', 'device', 'kind', 'text', 'packet', 'rule']));
    expect(Object.keys(t.hops[1].packet)).toEqual(expect.arrayContaining(['srcMac', 'dstMac', 'src', 'dst', 'proto', 'sport', 'dport', 'ttl', 'outer']));
    expect(t.reply.verdict).toBe('delivered');
  });

  it('prints a readable hop table by default', () => {
    const out = execFileSync(tsx, ['src/cli/trace.ts', DEFAULT, '--from', 'node:kind-worker', '--to', 'web', '--port', '80'], { encoding: 'utf8' });
    expect(out).toMatch(/^node kind-worker → pod default\/web \(10\.244\.1\.2\) tcp port 80, seed 7/);
    expect(out).toMatch(/rule: 10\.244\.1\.0\/24 dev cni0 proto kernel scope link src 10\.244\.1\.1/);
    expect(out).toMatch(/=> delivered/);
  });

  it('prints a node table as the real tool does', () => {
    const out = execFileSync(tsx, ['src/cli/tables.ts', DEFAULT, '--node', 'kind-worker2', '--show', 'routes'], { encoding: 'utf8' });
    expect(out).toBe('default via 172.18.0.1 dev eth0\n10.244.0.0/24 via 172.18.0.2 dev eth0\n10.244.1.0/24 via 172.18.0.3 dev eth0\n10.244.2.0/24 dev cni0 proto kernel scope link src 10.244.2.1\n172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.4\n');
  });

  it('exits with status 2 and a located message for a bad scenario', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'podpath-')), 'bad.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: c, ports: [{containerPort: 0}]}]\n');
    const r = spawnSync(tsx, ['src/cli/trace.ts', file, '--from', 'a', '--to', 'b', '--port', '1'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/line 5, document 1 \(Pod default\/a\), spec\.containers\[0\]\.ports\[0\]\.containerPort: /);
  });
});
