// Lesson links: a built-in lesson's step is "#lesson/<name>/<step>" (the step counted from 1,
// as a learner reads it); a lesson a teacher wrote travels whole in the link as
// "#lesson/~<payload>/<step>", the payload being its YAML packed by the share codec (DEFLATE,
// base64url, unpacked within the share links' bound). Pure: no window. Reading a link never
// throws; a damaged one says why, and a step past the end opens the last step.
import { packText, unpackText } from '../share';

export type LessonLink =
  | { readonly kind: 'builtin'; readonly name: string; readonly step: number }
  | { readonly kind: 'doc'; readonly yaml: string; readonly step: number };

export type ReadLink = { readonly ok: true; readonly link: LessonLink } | { readonly ok: false; readonly error: string };

export function lessonFragment(link: LessonLink): string {
  const step = `/${link.step + 1}`;
  if (link.kind === 'builtin') return `lesson/${link.name}${step}`;
  return `lesson/~${packText(link.yaml)}${step}`;
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
  const unpacked = unpackText(id.slice(1));
  if (!unpacked.ok) return { ok: false, error: unpacked.error.replace(/^the link/, 'the lesson link') };
  return { ok: true, link: { kind: 'doc', yaml: unpacked.text, step } };
}
