import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cFixed, cG } from './cformat';
import { recordLine } from './dns-text';
import { printPing } from './ping';
import { expandTabs, parseFixture } from './testing/fixture';

describe('the printers\' building blocks', () => {
  it('rounds like glibc printf: as toFixed except exact binary ties, which go to even', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
      const scaled = x * 10 ** d;
      const tie = Number.isInteger(scaled * 2) && !Number.isInteger(scaled) && scaled * 2 < 2 ** 52;
      if (!tie) expect(cFixed(x, d)).toBe(x.toFixed(d));
      else expect(Number(cFixed(x, d).replace('.', '')) % 2).toBe(0);
    }), { seed: 20260105, numRuns: 500 });
    expect([cFixed(0.0625, 3), cFixed(0.0635, 3), cFixed(2.5, 0), cFixed(3.5, 0)]).toEqual(['0.062', '0.064', '2', '4']);
    expect([cG(0), cG(100), cG(Math.fround(200 / 3)), cG(Math.fround(100 / 3)), cG(12.5)]).toEqual(['0', '100', '66.6667', '33.3333', '12.5']);
  });

  it('puts every dig record field at its column, or one space or tab past the one before', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
    fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), fc.nat(604800), fc.constantFrom('A', 'SRV', 'CNAME', 'SOA', 'PTR'),
      (labels, ttl, type) => {
        const name = `${labels.join('.')}.`;
        const line = expandTabs(recordLine({ name, ttl, type, data: 'x' }).slice(0, -1));
        const fields = [name, String(ttl), 'IN', type, 'x'];
        let at = 0;
        fields.forEach((field, i) => {
          const start = line.indexOf(field, at);
          const column = [0, 24, 32, 40, 48][i]!;
          expect(start).toBe(i === 0 ? 0 : Math.max(column, at + 1));
          at = start + field.length;
        });
      }), { seed: 424242, numRuns: 300 });
  });

  it('never fails on any mix of replies, errors and losses, and exits 0 exactly when a reply came', () => {
    const reply = fc.record({ seq: fc.integer({ min: 1, max: 10 }), ms: fc.double({ min: 0.001, max: 5000, noNaN: true }),
      error: fc.option(fc.constant('Destination Host Unreachable'), { nil: undefined }) });
    fc.assert(fc.property(fc.uniqueArray(reply, { selector: (r) => r.seq, maxLength: 10 }), (replies) => {
      const out = printPing({ target: '10.0.0.9', lookup: { kind: 'found', addresses: ['10.0.0.9'] }, ip: '10.0.0.9', count: 10, totalMs: 9000,
        replies: replies.map((r) => ({ ...r, from: '10.0.0.9', ttl: 64, ...(r.error ? { error: r.error } : {}) })) });
      const received = replies.filter((r) => !r.error).length;
      expect(out.exitCode).toBe(received ? 0 : 1);
      expect(out.stdout).toContain(`10 packets transmitted, ${received} received`);
    }), { seed: 7, numRuns: 200 });
  });
});

describe('the golden fixtures', () => {
  const dir = new URL('./fixtures/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  it.each(files)('%s says where it comes from and pins an output', (file) => {
    const f = parseFixture(readFileSync(new URL(file, dir), 'utf8'));
    expect(f.header).toMatch(/Source|Captured example/);
    expect([f.stdout, f.stderr, f.terminal].some((s) => s !== undefined)).toBe(true);
  });
});
