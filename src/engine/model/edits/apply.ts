// The one function that applies edits: scenario text + edits in, new text out (or why the
// edit cannot be made; then nothing changes). Pure: no parse of the result is needed to
// apply an edit, but the caller compiles the new text and keeps the old one if it fails.
import { assertNever } from '../../lib/assert';
import { done, refuse, ScenarioDocs, writeLabels } from './docs';
import { setNodeLabels, setPodpathField, setPositions, setProxyMode } from './cluster';
import { addObject, duplicateObject, removeObject, renameObject } from './objects';
import { addContainer, removeContainer, renameContainer, setContainerPorts, setNodeName, setPodLabels, setReplicas } from './pods';
import { connect, setSelector, setServicePorts, setServiceType, setTrafficPolicy } from './services';
import { refText, type EditResult, type ObjectRef, type ScenarioEdit } from './types';

const LABELLED_AS_DOCUMENT = new Set<ObjectRef['kind']>(['Service', 'Ingress', 'NetworkPolicy', 'Namespace']);

function applyOne(docs: ScenarioDocs, text: string, e: ScenarioEdit): EditResult {
  switch (e.op) {
    case 'add': return addObject(docs, e.object);
    case 'remove': return removeObject(docs, text, e.target);
    case 'rename': return renameObject(docs, text, e.target, e.to);
    case 'duplicate': return duplicateObject(docs, text, e.target, e.name);
    case 'setLabels':
      if (e.target.kind === 'Node') return setNodeLabels(docs, e.target.name, e.labels);
      if (LABELLED_AS_DOCUMENT.has(e.target.kind)) {
        const doc = docs.find(e.target);
        if (!doc) return refuse(`there is no ${e.target.kind} ${e.target.name} in the scenario's documents`);
        writeLabels(docs.touch(doc), ['metadata', 'labels'], e.labels);
        return done(docs);
      }
      return setPodLabels(docs, text, e.target, e.labels);
    case 'setSelector': return setSelector(docs, e.target, e.selector);
    case 'setReplicas': return setReplicas(docs, text, e.target, e.replicas);
    case 'setNodeName': return setNodeName(docs, text, e.target, e.node);
    case 'addContainer': return addContainer(docs, text, e.target, e.container);
    case 'removeContainer': return removeContainer(docs, text, e.target, e.container);
    case 'renameContainer': return renameContainer(docs, text, e.target, e.container, e.to);
    case 'setContainerPorts': return setContainerPorts(docs, text, e.target, e.container, e.ports);
    case 'setServiceType': return setServiceType(docs, e.target, e.type);
    case 'setServicePorts': return setServicePorts(docs, e.target, e.ports);
    case 'setTrafficPolicy': return setTrafficPolicy(docs, e.target, e.field, e.policy);
    case 'connect': return connect(docs, text, e.service, e.pod);
    case 'setYaml': {
      const doc = docs.find(e.target);
      if (!doc) return refuse(`there is no ${refText(e.target)} in the scenario's documents`);
      const why = docs.replace(doc, e.yaml);
      return why === undefined ? done(docs) : refuse(why);
    }
    case 'setProxyMode': return setProxyMode(docs, e.mode);
    case 'setCni': return setPodpathField(docs, 'cni', e.cni);
    case 'setSeed':
      if (!Number.isInteger(e.seed) || e.seed < 0 || e.seed > 2 ** 31 - 1) return refuse('the seed is a whole number from 0 to 2147483647');
      return setPodpathField(docs, 'seed', e.seed);
    case 'setPositions': return setPositions(docs, e.positions);
    default: return assertNever(e, 'edit');
  }
}

/**
 * Applies `edits` in order to `text`. All or nothing: if one cannot be made, the result says
 * why and the text stays as it was. Notes of every edit are kept; `made` is the last edit's.
 */
export function applyEdits(text: string, edits: readonly ScenarioEdit[]): EditResult {
  let current = text;
  const notes: string[] = [];
  let made: ObjectRef | undefined;
  for (const e of edits) {
    const docs = ScenarioDocs.parse(current);
    if (typeof docs === 'string') return refuse(docs);
    const out = applyOne(docs, current, e);
    if (!out.ok) return out;
    current = out.text;
    notes.push(...out.notes);
    made = out.made ?? made;
  }
  return { ok: true, text: current, notes, ...(made ? { made } : {}) };
}

export const applyEdit = (text: string, edit: ScenarioEdit): EditResult => applyEdits(text, [edit]);
