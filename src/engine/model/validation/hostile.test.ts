// The hostile-input corpus as table tests: each case is refused with exactly its located
// error, and nothing throws.
import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../../testing/hostile/corpus';
import { parseScenario } from '../parse';
import { compile } from '../../cluster/compile';

describe('hostile and careless input', () => {
  for (const c of HOSTILE) {
    it(`refuses ${c.name} with a located error`, () => {
      const p = parseScenario(c.yaml);
      const errors = p.ok ? (() => { const r = compile(p.scenario); return r.ok ? [] : r.errors; })() : p.errors;
      expect(p.ok ? 'compile' : 'parse').toBe(c.stage ?? 'parse');
      const e = errors[0];
      expect(e, 'an error').toBeDefined();
      expect({ doc: e!.doc, field: e!.field, line: e!.line }).toEqual({ doc: c.error.doc, field: c.error.field, line: c.error.line });
      if (typeof c.error.message === 'string') expect(e!.message).toBe(c.error.message);
      else expect(e!.message).toMatch(c.error.message);
    });
  }
});
