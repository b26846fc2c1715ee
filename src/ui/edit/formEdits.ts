// What the inspector's Apply makes: the edits between what the object's document says (the
// view the engine read) and what the form now holds, in an order that works (the rename
// last, since the other edits name the object by its old name). One list: one undo step.
import type { ContainerPortInit, Labels, ObjectRef, ObjectView, ScenarioEdit, ServicePortInit, ServiceType } from '../../engine';

export interface PodForm {
  readonly name: string;
  readonly labels: Labels;
  readonly nodeName: string | null;
  readonly replicas?: number;
  readonly containers: readonly { readonly was: string; readonly name: string; readonly ports: readonly ContainerPortInit[] }[];
}

export interface ServiceForm {
  readonly name: string;
  readonly labels: Labels;
  readonly type: ServiceType;
  readonly selector: Labels | null;
  readonly ports: readonly ServicePortInit[];
  readonly externalTrafficPolicy: 'Cluster' | 'Local' | null;
  readonly internalTrafficPolicy: 'Cluster' | 'Local' | null;
}

export interface NodeForm {
  readonly name: string;
  readonly labels: Labels;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedJson = (l: Labels | null) => (l === null ? 'null' : JSON.stringify(Object.entries(l).sort()));

/** The object a pod's rename goes to: its workload for a controller's pod, which takes its name from it. */
function renameTarget(view: Extract<ObjectView, { kind: 'Pod' }>): ObjectRef {
  return view.owner ?? view.ref;
}

export function podEdits(view: Extract<ObjectView, { kind: 'Pod' }>, form: PodForm): ScenarioEdit[] {
  const target = view.ref;
  const out: ScenarioEdit[] = [];
  if (sortedJson(view.labels) !== sortedJson(form.labels)) out.push({ op: 'setLabels', target, labels: form.labels });
  if (view.nodeName !== form.nodeName) out.push({ op: 'setNodeName', target, node: form.nodeName });
  if (form.replicas !== undefined && view.replicas !== form.replicas) out.push({ op: 'setReplicas', target, replicas: form.replicas });
  for (const c of form.containers) {
    const before = view.containers.find((x) => x.name === c.was);
    if (!before) continue;
    if (!same(before.ports, c.ports)) out.push({ op: 'setContainerPorts', target, container: c.was, ports: c.ports });
    if (c.name !== c.was) out.push({ op: 'renameContainer', target, container: c.was, to: c.name });
  }
  const owner = renameTarget(view);
  const current = view.owner ? view.owner.name : view.ref.name;
  if (form.name !== current) out.push({ op: 'rename', target: owner, to: form.name });
  return out;
}

export function serviceEdits(view: Extract<ObjectView, { kind: 'Service' }>, form: ServiceForm): ScenarioEdit[] {
  const target = view.ref;
  const out: ScenarioEdit[] = [];
  if (view.type !== form.type) out.push({ op: 'setServiceType', target, type: form.type });
  if (sortedJson(view.selector) !== sortedJson(form.selector)) out.push({ op: 'setSelector', target, selector: form.selector });
  if (!same(view.ports, form.ports)) out.push({ op: 'setServicePorts', target, ports: form.ports });
  const external = form.type !== 'ClusterIP';
  const etp = external ? form.externalTrafficPolicy : null;
  if (view.externalTrafficPolicy !== etp && (external || view.type === form.type)) out.push({ op: 'setTrafficPolicy', target, field: 'externalTrafficPolicy', policy: etp });
  if (view.internalTrafficPolicy !== form.internalTrafficPolicy) out.push({ op: 'setTrafficPolicy', target, field: 'internalTrafficPolicy', policy: form.internalTrafficPolicy });
  if (sortedJson(view.labels) !== sortedJson(form.labels)) out.push({ op: 'setLabels', target, labels: form.labels });
  if (form.name !== view.ref.name) out.push({ op: 'rename', target, to: form.name });
  return out;
}

export function nodeEdits(view: Extract<ObjectView, { kind: 'Node' }>, form: NodeForm): ScenarioEdit[] {
  const out: ScenarioEdit[] = [];
  if (sortedJson(view.labels) !== sortedJson(form.labels)) out.push({ op: 'setLabels', target: view.ref, labels: form.labels });
  if (view.renamable && form.name !== view.ref.name) out.push({ op: 'rename', target: view.ref, to: form.name });
  return out;
}
