// The share link codec: a LinkState as "v1.<payload>", the payload being the state's JSON,
// DEFLATE-compressed (fflate, level 9) and base64url-encoded without padding, so it sits in a
// URL fragment as it is. Pure: no window, no storage. decode() never throws: whatever the
// fragment holds, it answers what can be opened (after the migration and restore passes) or
// why nothing can. Decompression is bounded, so a crafted link cannot fill the memory.
import { base64urlnopad } from '@scure/base';
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { migrate } from './migrate';
import { restoreLink } from './restore';
import { LINK_VERSION, type Decoded, type LinkState } from './types';

/** The largest payload a link may unpack to (a scenario of a few thousand objects). */
export const MAX_LINK_BYTES = 4 * 1024 * 1024;

/** The state's fields in a fixed order, undefined ones left out, so equal states encode alike. */
function ordered(s: LinkState): LinkState {
  return {
    scenario: s.scenario,
    ...(s.seed !== undefined ? { seed: s.seed } : {}),
    ...(s.run !== undefined ? { run: s.run } : {}),
    ...(s.at !== undefined ? { at: s.at } : {}),
    ...(s.panel !== undefined ? { panel: s.panel } : {}),
  };
}

/** Text as a link's payload: DEFLATE-compressed (level 9), base64url without padding. Lesson links carry a lesson's YAML so. */
export function packText(text: string): string {
  return base64urlnopad.encode(deflateSync(strToU8(text), { level: 9 }));
}

export function encodeLink(state: LinkState): string {
  return `v${LINK_VERSION}.${packText(JSON.stringify(ordered(state)))}`;
}

/** A payload back to its text, bounded as a share link's is; a string starting "the link" says why it cannot be read. */
export function unpackText(body: string): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string } {
  const bytes = unpack(body);
  return typeof bytes === 'string' ? { ok: false, error: bytes } : { ok: true, text: strFromU8(bytes) };
}

function unpack(body: string): Uint8Array | string {
  let packed: Uint8Array;
  try {
    packed = base64urlnopad.decode(body);
  } catch {
    return 'the link is damaged: its payload is not base64url text';
  }
  // Inflated a kilobyte of input at a time, so a crafted link stops as soon as it is too big.
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const inflate = new Inflate((chunk) => {
      size += chunk.length;
      if (size <= MAX_LINK_BYTES) chunks.push(chunk);
    });
    for (let i = 0; i < packed.length && size <= MAX_LINK_BYTES; i += 1024) inflate.push(packed.subarray(i, i + 1024), i + 1024 >= packed.length);
    if (packed.length === 0) inflate.push(packed, true);
  } catch {
    return 'the link is damaged: its payload does not decompress';
  }
  if (size > MAX_LINK_BYTES) return 'the link unpacks to more than 4 MB, more than a scenario podpath opens from a link';
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** Reads a fragment ("#v1.…" or "v1.…"). */
export function decodeLink(fragment: string): Decoded {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const m = /^v(\d{1,6})\.([A-Za-z0-9_-]*)$/.exec(text);
  if (!m) return { ok: false, error: 'this is not a podpath link: a link\'s fragment starts with #v1.' };
  const version = Number(m[1]);
  if (version < 1) return { ok: false, error: `links have no version ${version}` };
  if (version > LINK_VERSION) return { ok: false, error: `the link was made by a newer podpath (link version ${version}; this one reads up to ${LINK_VERSION})` };
  const bytes = unpack(m[2]!);
  if (typeof bytes === 'string') return { ok: false, error: bytes };
  let payload: unknown;
  try {
    payload = JSON.parse(strFromU8(bytes));
  } catch {
    return { ok: false, error: 'the link is damaged: its payload is not JSON' };
  }
  const migrated = migrate(version, payload);
  if (!migrated.ok) return { ok: false, error: migrated.error };
  const restored = restoreLink(migrated.payload);
  if (typeof restored === 'string') return { ok: false, error: `the link is damaged: ${restored}` };
  return { ok: true, state: restored.state, repairs: restored.repairs, version };
}
