// Installing an addon as an edit of the scenario text (comments, order and other documents
// kept): the name goes into spec.addons of the Podpath document, which is added after the
// kind Cluster document (or first) when there is none.
import { isMap, isSeq, parseAllDocuments } from 'yaml';
import type { Addon } from './types';

export function addAddon(text: string, addon: Addon): string {
  const docs = parseAllDocuments(text);
  const head = `apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec:\n  addons: [${addon}]\n`;
  if (!Array.isArray(docs) || docs.length === 0 || text.trim() === '') return head;
  const settings = docs.find((d) => isMap(d.contents) && d.get('kind') === 'Podpath');
  if (settings) {
    const current = settings.getIn(['spec', 'addons']);
    const list = isSeq(current) ? current.items.map((i) => String((i as { value?: unknown }).value ?? i)) : [];
    if (list.includes(addon)) return text;
    settings.setIn(['spec', 'addons'], settings.createNode([...list, addon], { flow: true }));
  }
  const out = docs.map((d, i) => {
    const s = d.toString();
    return i === 0 || s.startsWith('---') ? s : `---\n${s}`;
  });
  if (!settings) {
    const at = docs.findIndex((d) => isMap(d.contents) && d.get('kind') === 'Cluster');
    out.splice(at + 1, 0, at + 1 === 0 ? `${head}---\n` : `---\n${head}`);
    if (at + 1 === 0 && out[1]?.startsWith('---\n')) out[1] = out[1].slice(4);
  }
  return out.join('');
}
