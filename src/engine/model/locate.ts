// Maps a field path inside a parsed YAML document to the line it sits on, so every error
// can say "document 3, spec.containers[0].ports[1].containerPort, line 14".
import { isCollection, isNode, type Document, type LineCounter, type Node } from 'yaml';

export type FieldPath = readonly (string | number)[];

/** The deepest existing node along `path` (the parent when the field itself is missing). */
function deepestNode(doc: Document, path: FieldPath): Node | undefined {
  let node: unknown = doc.contents;
  let last: Node | undefined = isNode(node) ? node : undefined;
  for (const key of path) {
    if (!isCollection(node)) break;
    const next = node.get(key, true);
    if (!isNode(next)) {
      // For a missing key, point at the key's pair if the key exists with a null value.
      break;
    }
    node = next;
    last = next;
  }
  return last;
}

export function lineOf(doc: Document, lc: LineCounter, path: FieldPath): number {
  const node = deepestNode(doc, path);
  const offset = node?.range?.[0] ?? doc.range?.[0] ?? 0;
  return lc.linePos(offset).line;
}

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? p : `.${p}`;
  }
  return out;
}
