// What can be done to the selected object from the toolbar, the edit menu and the keyboard:
// one list, so the three always agree. Each action is either edits (one undo step, with a
// name for the Undo button) or an event of the graph's state machine. Pure.
import { refText } from '../../engine/lite';
import type { ObjectRef, ScenarioEdit, Topology } from '../../engine';
import type { ElementObject, ModeEvent } from '../../store';

export type ActionRun =
  | { readonly kind: 'edit'; readonly edits: readonly ScenarioEdit[]; readonly label: string }
  | { readonly kind: 'mode'; readonly event: ModeEvent };

export interface EditAction {
  readonly id: string;
  readonly label: string;
  /** The key that runs it, as shown ("Delete", "Ctrl+D", "N"). */
  readonly keys?: string;
  readonly run: ActionRun;
  /** Destructive actions are drawn apart. */
  readonly danger?: boolean;
}

const edit = (label: string, ...edits: ScenarioEdit[]): ActionRun => ({ kind: 'edit', edits, label });

/** The node a new pod goes on: the selected node, the selected pod's node, else the first worker. */
function nodeFor(topo: Topology, selected: ElementObject | null): string | undefined {
  if (selected?.ref.kind === 'Node') return selected.ref.name;
  const parent = selected?.element.parent;
  const host = parent ? topo.elements.find((e) => e.id === parent) : undefined;
  const node = host?.kind === 'node' ? host : host?.parent ? topo.elements.find((e) => e.id === host.parent) : undefined;
  if (node?.kind === 'node') return node.label;
  return topo.elements.find((e) => e.kind === 'node' && e.details.includes('worker'))?.label ?? topo.elements.find((e) => e.kind === 'node')?.label;
}

/** Actions that need no selection: adding things. */
export function addActions(topo: Topology, selected: ElementObject | null): EditAction[] {
  const node = nodeFor(topo, selected);
  return [
    { id: 'add-pod', label: node ? `Add a pod on ${node}` : 'Add a pod', keys: 'N', run: edit(`add a pod${node ? ` on ${node}` : ''}`, { op: 'add', object: { kind: 'Pod', ...(node ? { node } : {}) } }) },
    { id: 'add-deployment', label: 'Add a Deployment', run: edit('add a Deployment', { op: 'add', object: { kind: 'Deployment', replicas: 2 } }) },
    { id: 'add-service', label: 'Add a Service', run: edit('add a Service', { op: 'add', object: { kind: 'Service' } }) },
    { id: 'add-node', label: 'Add a worker node', run: edit('add a worker node', { op: 'add', object: { kind: 'Node', role: 'worker' } }) },
  ];
}

const podLabel = (o: ElementObject) => (o.owner ? `${refText(o.ref)} (of ${refText(o.owner)})` : refText(o.ref));

/** The first of `base`, `base-2` ... not in `taken`. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Actions on the selected object. */
export function objectActions(topo: Topology, selected: ElementObject | null): EditAction[] {
  if (!selected || selected.builtIn) return [];
  const { ref } = selected;
  const ns = ref.namespace ?? 'default';
  const out: EditAction[] = [];
  if (ref.kind === 'Service') out.push({ id: 'connect', label: 'Connect to a pod…', keys: 'C', run: { kind: 'mode', event: { type: 'connect', service: selected.element.id } } });
  if (ref.kind === 'Pod' && selected.container === undefined) {
    const services = new Set(topo.elements.filter((e) => e.kind === 'service' && e.sendRef?.startsWith(`svc:${ns}/`)).map((e) => e.label));
    const name = freeName((selected.owner ?? ref).name, services);
    const svc: ObjectRef = { kind: 'Service', namespace: ns, name };
    out.push({ id: 'add-service-for', label: `Add a Service for ${(selected.owner ?? ref).name}`, run: edit(`add ${refText(svc)} for ${refText(ref)}`, { op: 'add', object: { kind: 'Service', namespace: ns, name } }, { op: 'connect', service: svc, pod: ref }) });
    const containers = new Set(topo.elements.filter((e) => e.kind === 'container' && e.parent === selected.element.id).map((e) => e.label));
    out.push({ id: 'add-container', label: 'Add a container', run: edit(`add a container to ${podLabel(selected)}`, { op: 'addContainer', target: ref, container: { name: freeName('sidecar', containers), image: 'busybox:1.36' } }) });
  }
  out.push({ id: 'duplicate', label: selected.owner ? `Add a replica to ${selected.owner.name}` : 'Duplicate', keys: 'Ctrl+D', run: edit(`duplicate ${selected.container ? `Pod ${ref.name}` : refText(ref)}`, { op: 'duplicate', target: ref }) });
  if (selected.container !== undefined) {
    out.push({ id: 'remove', label: `Remove container ${selected.container}`, keys: 'Delete', danger: true, run: edit(`remove container ${selected.container} of ${refText(ref)}`, { op: 'removeContainer', target: ref, container: selected.container }) });
  } else {
    const label = selected.owner ? `Remove (one replica less of ${selected.owner.name})` : `Remove ${ref.kind === 'Node' ? 'node' : ref.kind === 'Service' ? 'Service' : 'pod'}`;
    out.push({ id: 'remove', label, keys: 'Delete', danger: true, run: edit(`remove ${refText(ref)}`, { op: 'remove', target: ref }) });
  }
  return out;
}

/** The action a key press means, if any (Delete, Backspace, Ctrl/Cmd+D, N, C). */
export function actionForKey(key: string, mod: boolean, actions: readonly EditAction[]): EditAction | undefined {
  const k = key.length === 1 ? key.toUpperCase() : key;
  const want = k === 'Delete' || k === 'Backspace' ? 'Delete' : mod && k === 'D' ? 'Ctrl+D' : !mod && (k === 'N' || k === 'C') ? k : null;
  return want === null ? undefined : actions.find((a) => a.keys === want);
}

