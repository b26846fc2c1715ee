// Edits of the scenario text that keep the user's YAML as written (comments, order,
// other documents): the app changes settings through these, never by re-serialising.
import { parseAllDocuments, isMap } from 'yaml';
import type { CniName, ProxyMode } from './types';

/** Sets a field in the document of `kind`, adding that document (`head`, which holds the field) when there is none. */
function setInDocument(text: string, kind: string, path: readonly string[], value: string, head: string): string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return head;
  const doc = docs.find((d) => isMap(d.contents) && d.get('kind') === kind);
  if (!doc) return text.trim() === '' ? head : `${head}---\n${text.replace(/^---\s*\n/, '')}`;
  doc.setIn(path, value);
  // A document keeps its own "---" marker when it had one; add one only where it had none.
  return docs.map((d, i) => {
    const s = d.toString();
    return i === 0 || s.startsWith('---') ? s : `---\n${s}`;
  }).join('');
}

/** Sets networking.kubeProxyMode in the kind Cluster document, adding one if there is none. */
export function setProxyMode(text: string, mode: ProxyMode): string {
  return setInDocument(text, 'Cluster', ['networking', 'kubeProxyMode'], mode, `apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnetworking:\n  kubeProxyMode: ${mode}\n`);
}

/** Sets spec.cni in the Podpath document, adding one if there is none. */
export function setCni(text: string, cni: CniName): string {
  return setInDocument(text, 'Podpath', ['spec', 'cni'], cni, `apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec:\n  cni: ${cni}\n`);
}
