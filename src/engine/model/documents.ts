// Edits of one document of a multi-document scenario that keep every other document exactly
// as written (comments, order, spacing): read a document's text, replace it, add one at the
// end, remove one. Documents are numbered from 1, as located errors and SourceRefs number them.
import { parseAllDocuments } from 'yaml';

interface Chunk { readonly start: number; readonly end: number }

/** Where each document's text starts and ends (a document after the first begins with its "---"). */
function chunks(text: string): Chunk[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length === 0) return [];
  const starts = docs.map((d, i) => (i === 0 ? 0 : d.range[0]));
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}

const MARKER = /^---[ \t]*(\r?\n|$)/;
const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

/** A document's text without its leading "---" line; undefined when there is no such document. */
export function documentText(text: string, doc: number): string | undefined {
  const c = chunks(text)[doc - 1];
  return c === undefined ? undefined : text.slice(c.start, c.end).replace(MARKER, '');
}

/** The scenario with document `doc` replaced by `yaml`. */
export function replaceDocument(text: string, doc: number, yaml: string): string {
  const c = chunks(text)[doc - 1];
  if (!c) return appendDocument(text, yaml);
  const marker = MARKER.exec(text.slice(c.start, c.end))?.[0] ?? '';
  return `${text.slice(0, c.start)}${marker}${withNewline(yaml.replace(MARKER, ''))}${text.slice(c.end)}`;
}

/** The scenario with `yaml` added as its last document. */
export function appendDocument(text: string, yaml: string): string {
  const body = withNewline(yaml.replace(MARKER, ''));
  if (text.trim() === '') return body;
  return `${withNewline(text)}---\n${body}`;
}

/** The scenario without document `doc`. */
export function removeDocument(text: string, doc: number): string {
  const all = chunks(text);
  const c = all[doc - 1];
  if (!c) return text;
  const rest = `${text.slice(0, c.start)}${text.slice(c.end)}`;
  // Removing the first document leaves the next one's "---" at the top: drop it.
  return doc === 1 && all.length > 1 ? rest.replace(MARKER, '') : rest;
}
