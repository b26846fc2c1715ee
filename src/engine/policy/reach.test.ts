import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { formatTruthTable, reachMatrix, reachPods } from './reach';
import { MODEL_PODS, parseUpstreamCase } from './testing/upstream';
import { upstreamCluster } from './testing/model';
import { clusterFrom } from '../testing/build';
import { run } from '../testing/trace';

const DIR = new URL('../../../../shared/reference/netpol/', import.meta.url);
const cases = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => parseUpstreamCase(f, readFileSync(new URL(f, DIR), 'utf8')));

describe('the reachability matrix', () => {
  it('covers the pods grouped by namespace, in the upstream order', () => {
    const c = upstreamCluster(cases[0]!);
    expect(reachPods(c)).toEqual(MODEL_PODS);
  });

  it('prints the upstream e2e truth-table form: a header of servers, one tab-separated row per client', () => {
    const m = reachMatrix(upstreamCluster(cases[0]!), { port: 80, proto: 'tcp' });
    const text = formatTruthTable(m);
    expect(text.split('\n')[0]).toBe(['-', ...MODEL_PODS].join('\t'));
    expect(text.split('\n')[1]).toMatch(/^x\/a(\t[.X]){9}$/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('tells refused apart from connected: a port nobody serves', () => {
    const m = reachMatrix(upstreamCluster(cases[0]!), { port: 8080, proto: 'tcp', pods: ['x/a', 'y/b'] });
    expect(m.cells[1]![0]).toMatchObject({ verdict: 'refused', code: 'tcp-reset' });
  });
});

// Every pod reaching every pod under a plugin that does not enforce: plugins.reach.test.ts.
describe('under the bridge plugin, which does not implement NetworkPolicy', () => {
  it('draws the policy at the pod and says it is not enforced, with the reason it would deny', () => {
    const k = cases.find((x) => x.file.startsWith('04_'))!;
    const r = run(upstreamCluster(k), { from: 'z/b', to: 'x/a', port: 80, proto: 'tcp' });
    expect(r.verdict).toBe('delivered');
    const hop = r.hops.find((h) => h.kind === 'policy')!;
    expect(hop).toMatchObject({ netns: 'x/a', device: 'eth0' });
    expect(hop.text).toContain('NetworkPolicy would deny this: no policy selecting x/a allows ingress from z/b on TCP 80; policies considered: x/allow-client-a-via-ns-selector (selects x/a; allows from namespace y on any port).');
    expect(hop.text).toContain('The bridge plugin does not implement NetworkPolicy');
    expect(hop.text).toContain('Calico, Cilium, or kindnet since kind v0.24.0');
  });

  it('says so for an allowed connection too, and not at all where no policy selects either pod', () => {
    const c = upstreamCluster(cases.find((x) => x.file.startsWith('04_'))!);
    const allowed = run(c, { from: 'y/b', to: 'x/a', port: 80, proto: 'tcp' });
    expect(allowed.hops.find((h) => h.kind === 'policy')!.text).toMatch(/^NetworkPolicy allows this: x\/allow-client-a-via-ns-selector allows it: ingress rule 1, from namespace y on any port\./);
    expect(run(c, { from: 'y/b', to: 'x/b', port: 80, proto: 'tcp' }).hops.some((h) => h.kind === 'policy')).toBe(false);
    // The answer belongs to a connection the policy saw open: no hop on the way back.
    expect(allowed.reply!.hops.some((h) => h.kind === 'policy')).toBe(false);
  });

  it('checks egress to the outside where the packet leaves the pod', () => {
    const c = clusterFrom(`apiVersion: v1
kind: Pod
metadata: {name: a, labels: {app: a}}
spec: {containers: [{name: c}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: no-egress}
spec: {podSelector: {}, policyTypes: [Egress]}
`);
    const r = run(c, { from: 'default/a', to: 'external:203.0.113.10', port: 80, proto: 'tcp' });
    const hop = r.hops.find((h) => h.kind === 'policy')!;
    expect(hop.netns).toBe('default/a');
    expect(hop.text).toMatch(/^NetworkPolicy would deny this: no policy selecting default\/a allows egress to 203\.0\.113\.10 on TCP 80; policies considered: default\/no-egress \(selects default\/a; allows no egress\)\./);
  });
});
