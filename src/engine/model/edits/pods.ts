// Edits of what a pod is: its labels, the node it is pinned to, its containers and their
// ports, and a workload's replica count. A pod a controller made is edited through its
// controller's template (owner.ts); a template's labels must keep matching the workload's
// selector, as the API server requires ("selector does not match template labels").
import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import { done, readLabels, refuse, writeLabels, type ScenarioDocs } from './docs';
import { podHome, type PodHome } from './owner';
import { containerBody } from './templates';
import { refText, type ContainerInit, type ContainerPortInit, type EditResult, type Labels, type ObjectRef } from './types';

export const labelText = (labels: Labels): string => Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');

const via = (home: PodHome, target: ObjectRef): string[] =>
  home.template && target.kind === 'Pod' ? [`${refText(target)} is made by ${refText(home.ref)}: the edit changes its pod template`] : [];

export function setPodLabels(docs: ScenarioDocs, text: string, target: ObjectRef, labels: Labels): EditResult {
  const home = podHome(docs, text, target);
  if (typeof home === 'string') return refuse(home);
  if (home.template) {
    const selector = readLabels(home.doc, ['spec', 'selector', 'matchLabels']);
    const broken = Object.entries(selector).filter(([k, v]) => labels[k] !== v);
    if (broken.length > 0) {
      return refuse(`${refText(home.ref)} selects its pods by ${labelText(selector)}, and the API server refuses a template whose labels do not match its selector: keep ${labelText(Object.fromEntries(broken))}`);
    }
  }
  writeLabels(docs.touch(home.doc), [...home.meta, 'labels'], labels);
  return done(docs, via(home, target));
}

export function setNodeName(docs: ScenarioDocs, text: string, target: ObjectRef, node: string | null): EditResult {
  const home = podHome(docs, text, target);
  if (typeof home === 'string') return refuse(home);
  if (home.ref.kind === 'DaemonSet') return refuse(`${refText(home.ref)} runs one pod on every node it fits; choose its nodes with spec.template.spec.nodeSelector instead`);
  const path = [...home.spec, 'nodeName'];
  docs.touch(home.doc);
  if (node === null) home.doc.deleteIn(path);
  else home.doc.setIn(path, node);
  return done(docs, via(home, target));
}

export function setReplicas(docs: ScenarioDocs, text: string, target: ObjectRef, replicas: number): EditResult {
  if (!Number.isInteger(replicas) || replicas < 0) return refuse('replicas must be a whole number, 0 or more');
  const home = podHome(docs, text, target);
  if (typeof home === 'string') return refuse(home);
  if (home.ref.kind !== 'Deployment' && home.ref.kind !== 'StatefulSet') return refuse(`${refText(home.ref)} has no replica count`);
  docs.touch(home.doc).setIn(['spec', 'replicas'], replicas);
  return done(docs, via(home, target));
}

/** The containers sequence of a pod's home, and the index of one by name. */
function containersOf(home: PodHome) {
  const seq = home.doc.getIn([...home.spec, 'containers'], true);
  const items = isSeq(seq) ? seq.items : [];
  const index = (name: string) => items.findIndex((c) => isMap(c) && c.get('name') === name);
  return { seq, items, index };
}

export function addContainer(docs: ScenarioDocs, text: string, target: ObjectRef, c: ContainerInit): EditResult {
  const home = podHome(docs, text, target);
  if (typeof home === 'string') return refuse(home);
  const { index } = containersOf(home);
  if (index(c.name) >= 0) return refuse(`the pod already has a container named "${c.name}"`);
  docs.seqAt(docs.touch(home.doc), [...home.spec, 'containers']).add(home.doc.createNode(containerBody(c)));
  return done(docs, via(home, target));
}

export function removeContainer(docs: ScenarioDocs, text: string, target: ObjectRef, name: string): EditResult {
  const home = podHome(docs, text, target);
  if (typeof home === 'string') return refuse(home);
  const { items, index } = containersOf(home);
  const i = index(name);
  if (i < 0) return refuse(`there is no container "${name}" in ${refText(target)}`);
  if (items.length === 1) return refuse('a pod needs at least one container; remove the pod instead');
  docs.touch(home.doc);
  items.splice(i, 1);
  return done(docs, via(home, target));
}

function withContainer(docs: ScenarioDocs, text: string, target: ObjectRef, name: string, change: (c: YAMLMap, doc: Document) => void): EditResult {
  const home = podHome(docs, text, target);
  if (typeof home === 'string') return refuse(home);
  const { items, index } = containersOf(home);
  const i = index(name);
  if (i < 0) return refuse(`there is no container "${name}" in ${refText(target)}`);
  change(items[i] as YAMLMap, docs.touch(home.doc));
  return done(docs, via(home, target));
}

export function renameContainer(docs: ScenarioDocs, text: string, target: ObjectRef, name: string, to: string): EditResult {
  const home = podHome(docs, text, target);
  if (typeof home === 'string') return refuse(home);
  if (name !== to && containersOf(home).index(to) >= 0) return refuse(`the pod already has a container named "${to}"`);
  return withContainer(docs, text, target, name, (c) => c.set('name', to));
}

export function setContainerPorts(docs: ScenarioDocs, text: string, target: ObjectRef, name: string, ports: readonly ContainerPortInit[]): EditResult {
  return withContainer(docs, text, target, name, (c, doc) => {
    const body = containerBody({ name, image: '', ports });
    if (body.ports) c.set('ports', doc.createNode(body.ports));
    else c.delete('ports');
  });
}
