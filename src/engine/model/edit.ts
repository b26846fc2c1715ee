// Edits of the scenario text that keep the user's YAML as written (comments, order,
// other documents): the app changes settings through these, never by re-serialising.
import { parseAllDocuments, isMap } from 'yaml';
import type { ProxyMode } from './types';

/** Sets networking.kubeProxyMode in the kind Cluster document, adding one if there is none. */
export function setProxyMode(text: string, mode: ProxyMode): string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return `apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnetworking:\n  kubeProxyMode: ${mode}\n`;
  const cluster = docs.find((d) => isMap(d.contents) && d.get('kind') === 'Cluster');
  if (!cluster) {
    const head = `apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnetworking:\n  kubeProxyMode: ${mode}\n`;
    return text.trim() === '' ? head : `${head}---\n${text.replace(/^---\s*\n/, '')}`;
  }
  cluster.setIn(['networking', 'kubeProxyMode'], mode);
  // A document keeps its own "---" marker when it had one; add one only where it had none.
  return docs.map((d, i) => {
    const s = d.toString();
    return i === 0 || s.startsWith('---') ? s : `---\n${s}`;
  }).join('');
}
