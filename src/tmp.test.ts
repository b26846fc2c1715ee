import { it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseUpstreamCase } from './engine/policy/testing/upstream';
import { upstreamCluster } from './engine/policy/testing/model';
import { simulate } from './engine';
import { formatTraceText } from './engine';
it('x', () => {
  const dir = '../shared/reference/netpol/';
  const f = readdirSync(dir).find((x) => x.startsWith('01'))!;
  const k = parseUpstreamCase(f, readFileSync(dir + f, 'utf8'));
  const c = upstreamCluster(k, ', cni: calico');
  const r = simulate(c, { from: 'y/b', to: 'x/a', proto: 'tcp', port: 80 });
  console.log(r.ok ? formatTraceText(r.trace) : r.error);
});
