// How the Deployment and ReplicaSet controllers name what they create: the ReplicaSet is
// `<deployment>-<pod-template-hash>`, each pod `<replicaset>-<5 random characters>`, both
// drawn from the alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no 0/1/3).
// Simplified: the real hash is FNV-32a over a Go struct dump of the template; podpath hashes
// the template's JSON, and the pod suffixes come from a hash of the ReplicaSet name and the
// replica index, so names are stable across runs and seeds.
import { fnv32a, sha256Bytes } from '../lib/hash';

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += ALPHANUMS[ch.codePointAt(0)! % ALPHANUMS.length];
  return out;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function podTemplateHash(template: unknown): string {
  return safeEncodeString(String(fnv32a(stableJson(template))));
}

/** The 5-character suffix of replica `index` of ReplicaSet `rs`, avoiding names already used. */
export function podSuffix(rs: string, index: number, taken: ReadonlySet<string>): string {
  for (let attempt = 0; ; attempt++) {
    const bytes = sha256Bytes(`${rs}/${index}/${attempt}`);
    let s = '';
    for (let i = 0; i < 5; i++) s += ALPHANUMS[bytes[i]! % ALPHANUMS.length];
    if (!taken.has(`${rs}-${s}`)) return s;
  }
}
