// Where each field of a document sits: a table from a field path ("spec.ports[1].nodePort")
// to the line of its key (or of its item, in a sequence), built once while the YAML is read.
// Any later stage that knows a manifest's source can then say "line 14" for the very field it
// complains about, not for the start of the document. The table is plain data, so a Scenario
// stays serialisable.

export type FieldPath = readonly (string | number)[];

/** Field path (formatted) → 1-based line of the field's key. */
export type FieldLines = Readonly<Record<string, number>>;

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? p : `.${p}`;
  }
  return out;
}

/** The path one step up: "spec.ports[1].nodePort" → "spec.ports[1]" → "spec.ports" → "spec" → "". */
export function parentField(field: string): string {
  const bracket = field.lastIndexOf('[');
  const dot = field.lastIndexOf('.');
  if (bracket < 0 && dot < 0) return '';
  return field.slice(0, Math.max(bracket, dot));
}

/** The line of a field, or of its nearest parent that exists; `fallback` (the document's first line) otherwise. */
export function lineAt(lines: FieldLines | undefined, field: string | FieldPath, fallback: number): number {
  let f = typeof field === 'string' ? field : formatPath(field);
  if (!lines) return fallback;
  for (;;) {
    const hit = lines[f];
    if (hit !== undefined) return hit;
    if (f === '') return fallback;
    f = parentField(f);
  }
}
