// The shell slice: open a machine's shell, run commands through the engine, keep what they
// print and their history, and show a command's conversation as the trace.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createLoadedStore } from './store';
import { complete } from './completion';

describe('the shell', () => {
  it('runs curl in a pod: the output is printed and the conversation becomes the trace, DNS first', async () => {
    const store = await createLoadedStore(defaultYaml);
    const out = await store.getState().runShellCommand('curl -s http://api/', 'default/web');
    expect(out.ok).toBe(true);
    const s = store.getState();
    expect(s.shell).toMatchObject({ from: 'default/web', prompt: 'root@web:/# ' });
    expect(s.shellLines.map((l) => l.kind)).toEqual(['info', 'command', 'stdout']);
    expect(s.shellLines.at(-1)!.text).toMatch(/^Hostname: api-/);
    expect(s.trace!.run).toEqual({ kind: 'command', from: 'default/web', command: 'curl -s http://api/' });
    expect(s.trace!.exchanges.map((e) => e.kind)).toEqual(['dns', 'dns', 'http']);
    expect(s.steps[0]!.hop).toMatchObject({ kind: 'dns', table: 'dns', rule: ';api.default.svc.cluster.local.\t\tIN\tA' });
    expect(s.shellHistory).toEqual(['curl -s http://api/']);
  });

  it('prints a failure on stderr and keeps the previous trace when the command made no conversation', async () => {
    const store = await createLoadedStore(defaultYaml);
    await store.getState().runShellCommand('curl http://nosuch/', 'default/web');
    const before = store.getState().trace;
    expect(store.getState().shellLines.at(-1)).toEqual({ kind: 'stderr', text: 'curl: (6) Could not resolve host: nosuch' });
    await store.getState().runShellCommand('hostname');
    expect(store.getState().shellLines.at(-1)).toEqual({ kind: 'stdout', text: 'web' });
    expect(store.getState().trace).toBe(before);
  });

  it('shows the neighbour entries an earlier command left behind', async () => {
    const store = await createLoadedStore(defaultYaml);
    await store.getState().runShellCommand('ip neigh', 'default/web');
    expect(store.getState().shellLines.filter((l) => l.kind === 'stdout')).toHaveLength(0);
    await store.getState().runShellCommand('ping -c 1 10.244.2.2');
    await store.getState().runShellCommand('ip neigh');
    expect(store.getState().shellLines.at(-1)!.text).toMatch(/^10\.244\.1\.1 dev eth0 lladdr 0a:58:0a:f4:01:01 (REACHABLE|STALE)$/);
  });

  it('refuses to run without a shell, and clear and exit work as in a terminal', async () => {
    const store = await createLoadedStore(defaultYaml);
    expect(await store.getState().runShellCommand('hostname')).toMatchObject({ ok: false });
    store.getState().openShell('node:kind-worker');
    expect(store.getState().shell?.prompt).toBe('root@kind-worker:/# ');
    await store.getState().runShellCommand('clear');
    expect(store.getState().shellLines).toEqual([]);
    await store.getState().runShellCommand('exit');
    expect(store.getState().shell).toBeNull();
  });
});

describe('Tab completion', () => {
  it('completes commands, Services by name and namespace, files and options', async () => {
    const { topo } = (await createLoadedStore(defaultYaml)).getState();
    expect(complete('cu', topo)).toEqual({ line: 'curl ', choices: [] });
    expect(complete('n', topo).choices).toEqual(['nslookup', 'nc']);
    expect(complete('curl http://api-pu', topo)).toEqual({ line: 'curl http://api-public', choices: ['api-public', 'api-public.default', 'api-public.default.svc.cluster.local'] });
    expect(complete('curl http://api.def', topo).line).toBe('curl http://api.default');
    expect(complete('nslookup kube-dns.kube-system.s', topo).line).toBe('nslookup kube-dns.kube-system.svc.cluster.local ');
    expect(complete('cat /etc/re', topo).line).toBe('cat /etc/resolv.conf ');
    expect(complete('ip ro', topo).line).toBe('ip route ');
    expect(complete('curl --ma', topo).line).toBe('curl --max-time ');
    expect(complete('ping kind-w', topo).choices).toEqual(['kind-worker', 'kind-worker2']);
  });
});
