// Bundle size from the production build: the JavaScript the first paint loads (the entry
// script and the modules it preloads, gzip-compressed as a server would send them), and the
// chunks loaded later (side panel tabs, the in-page engine fallback) and the workers.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export interface BundleFigures {
  readonly name: 'bundle';
  /** Gzip kB of the JavaScript index.html loads before first paint. */
  readonly initial_js_gzip_kb: number;
  readonly initial_files: readonly string[];
  readonly target_kb: 300;
  /** Gzip kB of every other chunk and of the workers, by file. */
  readonly later_gzip_kb: Readonly<Record<string, number>>;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The scripts index.html loads at once: its module script and its modulepreload links. */
export function initialScripts(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) out.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) out.add(m[1]!);
  return [...out].map((s) => s.replace(/^\.?\//, ''));
}

export function bundleFigures(dist = 'dist'): BundleFigures {
  const initial = initialScripts(readFileSync(join(dist, 'index.html'), 'utf8'));
  const later: Record<string, number> = {};
  for (const f of readdirSync(join(dist, 'assets')).filter((x) => x.endsWith('.js'))) {
    const path = `assets/${f}`;
    if (!initial.includes(path)) later[f.replace(/-[\w-]{8}\.js$/, '.js')] = kb(gz(join(dist, path)));
  }
  return {
    name: 'bundle',
    initial_js_gzip_kb: kb(initial.reduce((sum, f) => sum + gz(join(dist, f)), 0)),
    initial_files: initial.map((f) => f.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '.js')),
    target_kb: 300,
    later_gzip_kb: later,
  };
}
