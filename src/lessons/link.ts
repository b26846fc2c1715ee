// Lesson links, in one small module so the share codec can take them over: a built-in
// lesson's step is "#lesson/<name>/<step>" (the step counted from 1, as a learner reads it); a
// lesson a teacher wrote travels whole in the link as "#lesson/~<payload>/<step>", the payload
// being its YAML DEFLATE-compressed (fflate) and base64url-encoded. Pure: no window. Reading a
// link never throws; a damaged one says why, and a step past the end opens the last step.
import { base64urlnopad } from '@scure/base';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

export type LessonLink =
  | { readonly kind: 'builtin'; readonly name: string; readonly step: number }
  | { readonly kind: 'doc'; readonly yaml: string; readonly step: number };

export type ReadLink = { readonly ok: true; readonly link: LessonLink } | { readonly ok: false; readonly error: string };

/** The largest lesson a link may unpack to. */
const MAX_YAML = 1024 * 1024;

export function lessonFragment(link: LessonLink): string {
  const step = `/${link.step + 1}`;
  if (link.kind === 'builtin') return `lesson/${link.name}${step}`;
  return `lesson/~${base64urlnopad.encode(deflateSync(strToU8(link.yaml), { level: 9 }))}${step}`;
}

export const isLessonFragment = (fragment: string) => /^#?lesson\//.test(fragment);

/** Reads "#lesson/…"; null when the fragment is not a lesson link at all. */
export function readLessonFragment(fragment: string): ReadLink | null {
  const m = /^#?lesson\/([^/]*)(?:\/([^/]*))?$/.exec(fragment);
  if (!m) return isLessonFragment(fragment) ? { ok: false, error: 'a lesson link reads #lesson/NAME/STEP' } : null;
  const [, id = '', stepText] = m;
  const n = stepText === undefined || stepText === '' ? 1 : Number(stepText);
  if (!Number.isInteger(n) || n < 1) return { ok: false, error: `"${stepText}" is not a step number (steps count from 1)` };
  const step = n - 1;
  if (!id.startsWith('~')) {
    if (!/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/.test(id)) return { ok: false, error: `"${id}" is not a lesson name` };
    return { ok: true, link: { kind: 'builtin', name: id, step } };
  }
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(id.slice(1));
  } catch {
    return { ok: false, error: 'the lesson link is damaged: its payload is not base64url text' };
  }
  try {
    const raw = inflateSync(bytes, { out: new Uint8Array(MAX_YAML) });
    // fflate fills the given buffer up to its size: a lesson that big was cut off.
    if (raw.length >= MAX_YAML) return { ok: false, error: 'the lesson in the link is larger than 1 MB' };
    return { ok: true, link: { kind: 'doc', yaml: strFromU8(raw), step } };
  } catch {
    return { ok: false, error: 'the lesson link is damaged: its payload does not decompress' };
  }
}
