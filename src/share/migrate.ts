// Links made by older versions of podpath keep opening: each format version has one step that
// turns its payload into the next version's, and a link is walked up to LINK_VERSION before
// the restore pass. Version 1 is the first; a later change of the payload adds its step here,
// and a stored link of the old version to src/share/fixtures/ (tested in links.test.ts).
import { LINK_VERSION } from './types';

/** MIGRATIONS[n] turns a version-n payload into a version-(n+1) one. */
const MIGRATIONS: Readonly<Record<number, (payload: unknown) => unknown>> = {};

export function migrate(version: number, payload: unknown): { readonly ok: true; readonly payload: unknown } | { readonly ok: false; readonly error: string } {
  let out = payload;
  for (let v = version; v < LINK_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, error: `links of version ${version} cannot be read any more` };
    out = step(out);
  }
  return { ok: true, payload: out };
}
