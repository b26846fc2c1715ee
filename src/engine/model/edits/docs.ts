// The scenario's YAML as a list of documents that edits change in place, with the `yaml`
// library's Document API, so comments, key order and flow style survive. A document no edit
// touched is written back exactly as it was in the text (byte for byte); a changed one is
// printed again by the library, which keeps its comments.
import { Document, isMap, isSeq, parseAllDocuments, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EditResult, Labels, ObjectKind, ObjectRef } from './types';

const PRINT = { flowCollectionPadding: false, lineWidth: 0 } as const;

interface Entry {
  readonly doc: Document;
  /** The document's original text (with its "---" marker and the comments before it); absent for new ones. */
  readonly source?: string;
  dirty: boolean;
}

const CLUSTER_SCOPED = new Set<ObjectKind>(['Node', 'Namespace']);

export const namespaceOf = (r: ObjectRef): string | undefined => (CLUSTER_SCOPED.has(r.kind) ? undefined : r.namespace ?? 'default');

export class ScenarioDocs {
  private constructor(private readonly entries: Entry[], private readonly tail: string) {}

  /** The documents of `text`, or why they cannot be edited (a YAML syntax error). */
  static parse(text: string): ScenarioDocs | string {
    const docs = parseAllDocuments(text);
    if (!Array.isArray(docs)) return new ScenarioDocs([], text);
    const bad = docs.find((d) => d.errors.length > 0);
    if (bad) return `the scenario has a YAML error (${bad.errors[0]!.message.split('\n')[0]}); fix it in the Scenario tab first`;
    let at = 0;
    const entries = docs.map((doc) => {
      const end = doc.range[2];
      const source = text.slice(at, end);
      at = end;
      return { doc, source, dirty: false };
    });
    return new ScenarioDocs(entries, text.slice(at));
  }

  /** Every document whose kind is `kind`. */
  ofKind(kind: string): Document[] {
    return this.entries.filter((e) => isMap(e.doc.contents) && e.doc.get('kind') === kind).map((e) => e.doc);
  }

  find(ref: ObjectRef): Document | undefined {
    const ns = namespaceOf(ref);
    return this.ofKind(ref.kind === 'Node' ? 'Node' : ref.kind).find((d) =>
      d.getIn(['metadata', 'name']) === ref.name && (ns === undefined || (d.getIn(['metadata', 'namespace']) ?? 'default') === ns));
  }

  /** Marks a document changed, so it is printed again. */
  touch(doc: Document): Document {
    const e = this.entries.find((x) => x.doc === doc);
    if (e) e.dirty = true;
    return doc;
  }

  /** Appends a new document made from a plain object (after `after` when given). */
  add(value: unknown, after?: Document): Document {
    const doc = new Document(value);
    const i = after ? this.entries.findIndex((e) => e.doc === after) : -1;
    const entry: Entry = { doc, dirty: true };
    if (i >= 0) this.entries.splice(i + 1, 0, entry);
    else this.entries.push(entry);
    return doc;
  }

  /** Puts a new document first (a kind Cluster document, which kind reads before the manifests). */
  addFirst(value: unknown): Document {
    const doc = new Document(value);
    this.entries.unshift({ doc, dirty: true });
    return doc;
  }

  /**
   * Puts `yaml` (one document) in place of `doc`, written back exactly as given; or why it
   * cannot be (a YAML error, not one mapping).
   */
  replace(doc: Document, yaml: string): string | undefined {
    const parsed = parseAllDocuments(yaml);
    const docs = Array.isArray(parsed) ? parsed : [];
    if (docs.length !== 1) return `the YAML must be one document (it has ${docs.length})`;
    const only = docs[0]!;
    if (only.errors.length > 0) return `the YAML has an error (${only.errors[0]!.message.split('\n')[0]})`;
    if (!isMap(only.contents)) return 'the YAML must be a mapping with apiVersion and kind';
    const i = this.entries.findIndex((e) => e.doc === doc);
    if (i < 0) return 'that document is no longer in the scenario';
    const body = yaml.replace(/^---[ \t]*\n/, '');
    this.entries[i] = { doc: only, source: body.endsWith('\n') ? body : `${body}\n`, dirty: false };
    return undefined;
  }

  remove(doc: Document): void {
    const i = this.entries.findIndex((e) => e.doc === doc);
    if (i >= 0) this.entries.splice(i, 1);
  }

  /** A map inside `doc` at `path`, created (as a block map) when missing. */
  mapAt(doc: Document, path: readonly (string | number)[]): YAMLMap {
    const found = doc.getIn(path, true);
    if (isMap(found)) return found;
    const made = doc.createNode({}) as YAMLMap;
    doc.setIn(path, made);
    return made;
  }

  /** A sequence inside `doc` at `path`, created when missing. */
  seqAt(doc: Document, path: readonly (string | number)[]): YAMLSeq {
    const found = doc.getIn(path, true);
    if (isSeq(found)) return found;
    const made = doc.createNode([]) as YAMLSeq;
    doc.setIn(path, made);
    return made;
  }

  toString(): string {
    let out = '';
    for (const e of this.entries) {
      if (!e.dirty && e.source !== undefined) {
        out += this.join(out, e.source);
        continue;
      }
      out += this.join(out, e.doc.toString(PRINT));
    }
    return out + this.tail;
  }

  /** `piece` after `out`: on its own line, with a "---" marker unless it is the first or has one. */
  private join(out: string, piece: string): string {
    const sep = out === '' || out.endsWith('\n') ? '' : '\n';
    const marker = out === '' || /^(\s*#.*\n)*\s*---/.test(piece) ? '' : '---\n';
    return sep + marker + piece;
  }
}

/** A successful edit: the new text, what is worth saying about it, and the object it made. */
export const done = (docs: ScenarioDocs, notes: readonly string[] = [], made?: ObjectRef): EditResult =>
  ({ ok: true, text: docs.toString(), notes, ...(made ? { made } : {}) });

export const refuse = (error: string): EditResult => ({ ok: false, error });

/** Writes a label map (removing the field when empty), in the document's own style. */
export function writeLabels(doc: Document, path: readonly (string | number)[], labels: Labels) {
  if (Object.keys(labels).length === 0) doc.deleteIn(path);
  else doc.setIn(path, doc.createNode({ ...labels }));
}

export function readLabels(doc: Document, path: readonly (string | number)[]): Record<string, string> {
  const m = doc.getIn(path, true);
  if (!isMap(m)) return {};
  return Object.fromEntries(Object.entries(m.toJSON() as Record<string, unknown>).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

