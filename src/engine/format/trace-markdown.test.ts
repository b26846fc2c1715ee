// The trace as a Markdown handout: exchanges, a hop table per leg with rewrites and rules.
import { describe, expect, it } from 'vitest';
import { clusterFrom } from '../testing/build';
import { simulate } from '../stack/simulate';
import { readFileSync } from 'node:fs';
import { formatTraceMarkdown } from './trace-markdown';

const c = clusterFrom(readFileSync('src/scenarios/default.yaml', 'utf8'));

describe('the trace as Markdown', () => {
  it('has the run, the verdict, each exchange and leg, and one row per hop with the DNAT and its rule', () => {
    const r = simulate(c, { from: 'default/web', to: 'svc:default/api', port: 80 });
    if (!r.ok) throw new Error(r.error);
    const md = formatTraceMarkdown(r.trace, { exchange: 0, leg: 0, hop: 2 });
    expect(md).toMatch(/^# podpath trace: send TCP port 80 from default\/web to svc:default\/api\n/);
    expect(md).toContain('- **Verdict:** delivered');
    expect(md).toMatch(/## Exchange 1: /);
    expect(md).toMatch(/### SYN \(out\): delivered/);
    expect(md).toMatch(/### SYN ACK \(back\): delivered/);
    const rows = md.split('\n').filter((l) => /^\| (\*\*)?\d+/.test(l));
    expect(rows).toHaveLength(r.trace.exchanges[0]!.legs.reduce((n, l) => n + l.hops.length, 0));
    expect(md).toMatch(/destination 10\.96\.\d+\.\d+:80 → 10\.244\.\d+\.\d+:8080/);
    expect(md).toContain('KUBE-SVC-');
    expect(rows[2]).toMatch(/^\| \*\*3\*\* ◀ /);
    // Every row has the seven cells of the header.
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length).toBe(9);
  });
});
