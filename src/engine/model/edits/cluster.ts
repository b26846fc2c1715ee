// Edits of the cluster itself: its nodes (the kind Cluster document's `nodes`, or Node
// documents taken from `kubectl get nodes -o yaml`), kube-proxy's mode, the CNI, the seed and
// the graph positions (podpath's own Podpath document). kind names its nodes from their
// place in the list (kind-worker, kind-worker2 ...), so removing a node renames the ones
// after it; pods pinned to a node and route edits follow the new names.
import { isMap, isSeq, type Document } from 'yaml';
import { kindNodeNames, KIND_DEFAULTS } from '../defaults';
import type { ProxyMode } from '../types';
import { CNI_NAMES } from '../cni-config';
import { done as ok, writeLabels, type ScenarioDocs } from './docs';
import { namesOf, uniqueName } from './templates';
import type { EditResult } from './types';

type Role = 'control-plane' | 'worker';

/** The CNI plugins a scenario can name in the Podpath document's spec.cni (the engine's list). */
export const CNI_CHOICES = CNI_NAMES;

/** The kind Cluster document, made (at the top) when the scenario has none. */
export function clusterDoc(docs: ScenarioDocs): Document {
  return docs.ofKind('Cluster')[0] ?? docs.addFirst({ apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster' });
}

/** podpath's own Podpath document, made (after the Cluster document) when there is none. */
export function podpathDoc(docs: ScenarioDocs): Document {
  return docs.ofKind('Podpath')[0] ?? docs.add({ apiVersion: 'podpath.dev/v1alpha1', kind: 'Podpath', spec: {} }, docs.ofKind('Cluster')[0]);
}

function kindNodes(cluster: Document): { name: string; roles: Role[] } {
  const name = String(cluster.get('name') ?? KIND_DEFAULTS.name);
  const list = cluster.get('nodes');
  if (!isSeq(list)) return { name, roles: ['control-plane'] };
  return { name, roles: list.items.map((n) => (isMap(n) && n.get('role') === 'worker' ? 'worker' : 'control-plane')) };
}

/** Rewrites what names a node: pods' nodeName (own documents and templates) and route edits. null: the node is gone. */
function retarget(docs: ScenarioDocs, rename: ReadonlyMap<string, string | null>, notes: string[]) {
  if (rename.size === 0) return;
  const pinned: [Document, string[]][] = [
    ...docs.ofKind('Pod').map((d): [Document, string[]] => [d, ['spec', 'nodeName']]),
    ...['Deployment', 'StatefulSet', 'DaemonSet'].flatMap((k) => docs.ofKind(k).map((d): [Document, string[]] => [d, ['spec', 'template', 'spec', 'nodeName']])),
  ];
  for (const [doc, path] of pinned) {
    const node = doc.getIn(path);
    if (typeof node !== 'string' || !rename.has(node)) continue;
    const to = rename.get(node)!;
    docs.touch(doc);
    if (to === null) {
      doc.deleteIn(path);
      notes.push(`${doc.get('kind')} ${doc.getIn(['metadata', 'name'])} was pinned to ${node}; the scheduler places it again`);
    } else doc.setIn(path, to);
  }
  const pp = docs.ofKind('Podpath')[0];
  const routes = pp?.getIn(['spec', 'routes'], true);
  if (!pp || !isSeq(routes)) return;
  for (let i = routes.items.length - 1; i >= 0; i--) {
    const r = routes.items[i];
    const node = isMap(r) ? r.get('node') : undefined;
    if (typeof node !== 'string' || !rename.has(node)) continue;
    docs.touch(pp);
    const to = rename.get(node)!;
    if (to === null) { routes.items.splice(i, 1); notes.push(`the route edit on ${node} is gone with its node`); } else (r as { set(k: string, v: string): void }).set('node', to);
  }
}

export function addNode(docs: ScenarioDocs, role: Role): EditResult {
  const nodeDocs = docs.ofKind('Node');
  if (nodeDocs.length > 0) {
    const name = uniqueName(role === 'worker' ? 'worker' : 'control-plane', namesOf(docs, 'Node'));
    const labels = role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {};
    docs.add({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels } }, nodeDocs.at(-1));
    return ok(docs, [], { kind: 'Node', name });
  }
  const cluster = docs.touch(clusterDoc(docs));
  const { name, roles } = kindNodes(cluster);
  if (!isSeq(cluster.get('nodes'))) cluster.set('nodes', cluster.createNode(roles.map((r) => ({ role: r }))));
  const list = cluster.get('nodes') as { add(v: unknown): void };
  list.add(cluster.createNode({ role }));
  const names = kindNodeNames(name, [...roles, role]);
  return ok(docs, [], { kind: 'Node', name: names.at(-1)! });
}

export function removeNode(docs: ScenarioDocs, node: string): EditResult {
  const own = docs.find({ kind: 'Node', name: node });
  const notes: string[] = [];
  if (own) {
    docs.remove(own);
    retarget(docs, new Map([[node, null]]), notes);
    return ok(docs, notes);
  }
  const cluster = docs.ofKind('Cluster')[0];
  const { name, roles } = cluster ? kindNodes(cluster) : { name: KIND_DEFAULTS.name, roles: ['control-plane' as Role] };
  const names = kindNodeNames(name, roles);
  const i = names.indexOf(node);
  if (i < 0) return { ok: false, error: `there is no node ${node}; the nodes are ${names.join(', ')}` };
  const rest = roles.filter((_, j) => j !== i);
  if (!rest.includes('control-plane')) return { ok: false, error: 'a kind cluster needs a control-plane node; add another before removing this one' };
  const doc = docs.touch(clusterDoc(docs));
  if (!isSeq(doc.get('nodes'))) doc.set('nodes', doc.createNode(roles.map((r) => ({ role: r }))));
  (doc.get('nodes') as { items: unknown[] }).items.splice(i, 1);
  const after = kindNodeNames(name, rest);
  const rename = new Map<string, string | null>([[node, null]]);
  names.forEach((old, j) => { if (j !== i && after[j > i ? j - 1 : j] !== old) rename.set(old, after[j > i ? j - 1 : j]!); });
  for (const [old, to] of rename) if (to) notes.push(`kind names nodes by their place in the list: ${old} is now ${to}`);
  retarget(docs, rename, notes);
  return ok(docs, notes);
}

export function setNodeLabels(docs: ScenarioDocs, node: string, labels: Readonly<Record<string, string>>): EditResult {
  const own = docs.find({ kind: 'Node', name: node });
  if (own) {
    writeLabels(docs.touch(own), ['metadata', 'labels'], labels);
    return ok(docs);
  }
  const cluster = clusterDoc(docs);
  const { name, roles } = kindNodes(cluster);
  const i = kindNodeNames(name, roles).indexOf(node);
  if (i < 0) return { ok: false, error: `there is no node ${node}` };
  docs.touch(cluster);
  if (!isSeq(cluster.get('nodes'))) cluster.set('nodes', cluster.createNode(roles.map((r) => ({ role: r }))));
  writeLabels(cluster, ['nodes', i, 'labels'], labels);
  return ok(docs);
}

export function renameNode(docs: ScenarioDocs, node: string, to: string): EditResult {
  const own = docs.find({ kind: 'Node', name: node });
  if (!own) {
    return { ok: false, error: 'kind names its nodes from the cluster\'s name and their role (kind-control-plane, kind-worker, kind-worker2 ...); rename the cluster with the Cluster document\'s name field instead' };
  }
  docs.touch(own).setIn(['metadata', 'name'], to);
  const notes: string[] = [];
  retarget(docs, new Map([[node, to]]), notes);
  return ok(docs, notes, { kind: 'Node', name: to });
}

export function setProxyMode(docs: ScenarioDocs, mode: ProxyMode): EditResult {
  docs.touch(clusterDoc(docs)).setIn(['networking', 'kubeProxyMode'], mode);
  return ok(docs);
}

export function setPodpathField(docs: ScenarioDocs, field: 'cni' | 'seed', value: string | number): EditResult {
  docs.touch(podpathDoc(docs)).setIn(['spec', field], value);
  return ok(docs);
}

export function setPositions(docs: ScenarioDocs, positions: Readonly<Record<string, { readonly x: number; readonly y: number } | null>>): EditResult {
  const doc = docs.touch(podpathDoc(docs));
  const layout = docs.mapAt(doc, ['spec', 'layout']);
  for (const [id, p] of Object.entries(positions)) {
    if (p === null) layout.delete(id);
    else layout.set(id, doc.createNode({ x: Math.round(p.x), y: Math.round(p.y) }, { flow: true }));
  }
  if (layout.items.length === 0) doc.deleteIn(['spec', 'layout']);
  return ok(docs);
}
