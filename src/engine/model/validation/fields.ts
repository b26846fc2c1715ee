// Unknown fields, refused as the real decoders refuse them: a Kubernetes manifest as the API
// server's strict field validation does (`kubectl apply --validate=strict`: `strict decoding
// error: unknown field "spec.replicass"`), the kind Cluster config as kind's decoder does
// (yaml.v3 with KnownFields: `field kubeProxyMod not found in type v1alpha4.Networking`).
// Fields Kubernetes knows but podpath does not model (resources, volumes, probes ...) pass.
// The field names are data, generated from the Kubernetes schema by scripts/gen-k8s-fields.ts.
import data from './k8s-fields.json' with { type: 'json' };
import { formatPath, type FieldPath } from '../locate';

interface FieldData {
  readonly kinds: Readonly<Record<string, { readonly apiVersion: string; readonly type: string }>>;
  readonly types: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const FIELDS = data as FieldData;

export interface UnknownField {
  readonly path: FieldPath;
  readonly message: string;
}

/** Whether podpath knows the fields of this kind (and version). */
export function hasFieldTree(kind: string, apiVersion: unknown): boolean {
  return FIELDS.kinds[kind]?.apiVersion === apiVersion;
}

function walk(ref: string, value: unknown, path: (string | number)[], kindConfig: boolean, out: UnknownField[]): void {
  if (ref === '' || ref === '*' || value === null || typeof value !== 'object') return;
  if (ref.startsWith('[]')) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(ref.slice(2), v, [...path, i], kindConfig, out));
    return;
  }
  if (ref.startsWith('{}')) {
    for (const [k, v] of Object.entries(value)) walk(ref.slice(2), v, [...path, k], kindConfig, out);
    return;
  }
  const fields = FIELDS.types[ref];
  if (!fields || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const sub = fields[k];
    if (sub === undefined) {
      const at = [...path, k];
      out.push({ path: at, message: kindConfig ? `field ${k} not found in type ${ref}` : `strict decoding error: unknown field ${JSON.stringify(formatPath(at))}` });
    } else walk(sub, v, [...path, k], kindConfig, out);
  }
}

/** The fields of a document that its kind does not have. */
export function unknownFields(kind: string, value: unknown): UnknownField[] {
  const k = FIELDS.kinds[kind];
  if (!k) return [];
  const out: UnknownField[] = [];
  walk(k.type, value, [], kind === 'Cluster', out);
  return out;
}
