// What the first page loads: main.tsx's static imports, followed as the bundler follows them.
// A value imported from the engine's barrel (engine/index.ts) pulls every engine module into the
// first page's chunks (the bundler follows every module the barrel imports, used or not), so the
// page takes its few engine values from engine/lite.ts, whose modules import nothing heavy.
// `npm run bench` measures the bytes; these tests keep the structure that makes them small.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The files and packages a module reaches through static value imports (type-only imports and import() are not followed). */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.tsx?$/.test(file)) return;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)';/gm)) {
      if (m[1]) continue;
      const spec = m[2]!;
      if (!spec.startsWith('.')) { packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!); continue; }
      const base = resolve(dirname(file), spec.replace(/\?.*$/, ''));
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base].find((f) => existsSync(f));
      visit(found ?? base);
    }
  };
  visit(entry);
  return { files, packages };
}

const src = dirname(new URL(import.meta.url).pathname);
const relative = (files: Set<string>) => [...files].map((f) => f.slice(src.length + 1));
const HEAVY = ['yaml', 'zod', 'ipaddr.js', '@noble/hashes', 'pure-rand'];

describe('the first page', () => {
  const page = reach(join(src, 'main.tsx'));

  it('does not import the engine barrel: its engine values come from engine/lite.ts', () => {
    expect(relative(page.files).filter((f) => f === 'engine/index.ts')).toEqual([]);
  });

  it('reaches only the light door and its modules inside the engine', () => {
    const lite = relative(reach(join(src, 'engine/lite.ts')).files);
    expect(relative(page.files).filter((f) => f.startsWith('engine/') && !lite.includes(f))).toEqual([]);
  });

  it('does not load the YAML library, the schemas or the address and hash libraries', () => {
    expect([...page.packages].filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('is found to be heavy when the full engine is imported (so these checks can fail)', () => {
    const full = reach(join(src, 'engine/index.ts'));
    expect(['yaml', 'zod', 'ipaddr.js'].every((p) => full.packages.has(p))).toBe(true);
    expect(relative(full.files)).toContain('engine/stack/walk.ts');
  });
});

describe('the light door (engine/lite.ts)', () => {
  const lite = reach(join(src, 'engine/lite.ts'));

  it('imports no package and no parser, compiler or walk', () => {
    expect([...lite.packages]).toEqual([]);
    expect(relative(lite.files).filter((f) => /^engine\/(model\/(parse|schemas|validation)|cluster\/compile|stack\/|netfilter\/|conversation\/)/.test(f))).toEqual([]);
  });

  it('exports the very values the full door exports', async () => {
    const light = await import('./engine/lite');
    const full = (await import('./engine/index')) as Record<string, unknown>;
    for (const [name, value] of Object.entries(light)) expect(full[name], name).toBe(value);
  });
});
