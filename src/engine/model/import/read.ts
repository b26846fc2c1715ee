// Reads what a learner pastes or drops: the output of `kubectl get ... -o yaml` or `-o json`
// (a List with items, one object, or several YAML documents), into plain objects.
import { parseAllDocuments } from 'yaml';
import type { Obj } from './types';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The objects of one pasted text, Lists flattened (kubectl prints "List"; the API "PodList" ...), or why it cannot be read. */
export function readObjects(text: string, which: string): Obj[] | string {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const bad = list.find((d) => d.errors.length > 0);
  if (bad) return `${which} is not YAML or JSON: ${bad.errors[0]!.message.split('\n')[0]}`;
  const out: Obj[] = [];
  for (const d of list) {
    const v: unknown = d.toJS({ maxAliasCount: 100 });
    if (v === null || v === undefined) continue;
    if (!isObj(v)) return `${which} holds something that is not a Kubernetes object`;
    const kind = v.kind;
    if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(v.items)) out.push(...v.items.filter(isObj));
    else out.push(v);
  }
  if (out.length === 0) return `${which} holds no Kubernetes objects`;
  return out;
}
