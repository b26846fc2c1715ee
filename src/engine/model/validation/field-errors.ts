// The API server's field errors in its own words (k8s.io/apimachinery/pkg/util/validation/field,
// errors.go): `Invalid value: "x": detail`, `Required value`, `Duplicate value: "x"`,
// `Unsupported value: "x": supported values: "a", "b"`, `Forbidden: detail`, `Too many: 3:
// must have at most 2 items`. The field path is the error's own `field`, as the API prints it
// in front.
import type { FieldLines, FieldPath } from '../locate';
import { formatPath, lineAt } from '../locate';
import type { ScenarioError, SourceRef } from '../types';

/** Go's %q of a string (enough for the values podpath shows: quotes, backslashes, control characters). */
export function quote(value: string): string {
  return JSON.stringify(value);
}

const shown = (v: unknown): string => (typeof v === 'string' ? quote(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

export const invalid = (value: unknown, detail: string): string => `Invalid value: ${shown(value)}: ${detail}`;
export const required = (detail = ''): string => `Required value${detail ? `: ${detail}` : ''}`;
export const duplicate = (value: unknown): string => `Duplicate value: ${shown(value)}`;
export const notSupported = (value: unknown, supported: readonly string[]): string =>
  `Unsupported value: ${shown(value)}: supported values: ${supported.map(quote).join(', ')}`;
export const forbidden = (detail: string): string => `Forbidden: ${detail}`;
export const tooMany = (actual: number, max: number): string => `Too many: ${actual}: must have at most ${max} items`;
export const tooLong = (max: number): string => `Too long: may not be more than ${max} bytes`;

/** Collects located errors for one document. */
export class Findings {
  readonly errors: ScenarioError[] = [];
  readonly warnings: ScenarioError[] = [];

  /** Where one document's fields are: its number, its lines, and the object it describes. */
  static at(source: SourceRef, object?: string): Where {
    return { doc: source.doc, line: source.line, fields: source.fields, object };
  }

  error(w: Where, field: string | FieldPath, message: string): void {
    this.errors.push(locate(w, field, message));
  }

  warn(w: Where, field: string | FieldPath, message: string): void {
    this.warnings.push(locate(w, field, message));
  }
}

export interface Where {
  readonly doc: number;
  /** The document's first line. */
  readonly line: number;
  readonly fields?: FieldLines;
  readonly object?: string;
}

export function locate(w: Where, field: string | FieldPath, message: string): ScenarioError {
  const f = typeof field === 'string' ? field : formatPath(field);
  return { doc: w.doc, ...(w.object ? { object: w.object } : {}), ...(f ? { field: f } : {}), line: lineAt(w.fields, f, w.line), message };
}
