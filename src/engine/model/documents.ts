// One document of a multi-document scenario as written (comments, spacing), for a panel that
// shows it to edit (edits themselves go through model/edits). Documents are numbered from 1,
// as located errors and SourceRefs number them.
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

/** A document's text without its leading "---" line; undefined when there is no such document. */
export function documentText(text: string, doc: number): string | undefined {
  const c = chunks(text)[doc - 1];
  return c === undefined ? undefined : text.slice(c.start, c.end).replace(MARKER, '');
}
