// Which scenario object a graph element stands for, for the edits the graph makes: a pod
// (a container's pod, with the container's name), a node, a Service. A pod a controller made
// carries its workload, which the inspector names (edits of such a pod change the workload's
// template: see the engine's model/edits/owner.ts).
import type { ObjectRef, Topology, TopoElement } from '../engine';
import { elementById } from './topoIndex';

export interface ElementObject {
  readonly ref: ObjectRef;
  /** For a container: its name in the pod. */
  readonly container?: string;
  /** For a pod a controller made: the workload its template belongs to. */
  readonly owner?: ObjectRef;
  /** The cluster's own objects (default/kubernetes, kube-dns, CoreDNS): shown, not edited. */
  readonly builtIn: boolean;
  readonly element: TopoElement;
}

const split = (key: string): { namespace: string; name: string } => {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: 'default', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
};

export function objectOf(topo: Topology, elementId: string): ElementObject | null {
  const el = elementById(topo).get(elementId);
  if (!el) return null;
  const owner = el.owner ? { owner: { kind: el.owner.kind, namespace: el.owner.namespace, name: el.owner.name } } : {};
  switch (el.kind) {
    case 'node':
      return { ref: { kind: 'Node', name: el.label }, builtIn: false, element: el };
    case 'pod':
    case 'container': {
      if (!el.sendRef) return null;
      const { namespace, name } = split(el.sendRef);
      const builtIn = el.owner?.namespace === 'kube-system' && el.owner.name === 'coredns';
      return { ref: { kind: 'Pod', namespace, name }, ...(el.kind === 'container' ? { container: el.label } : {}), ...owner, builtIn, element: el };
    }
    case 'service': {
      if (!el.sendRef) return null;
      const { namespace, name } = split(el.sendRef.replace(/^svc:/, ''));
      return { ref: { kind: 'Service', namespace, name }, builtIn: el.builtIn === true, element: el };
    }
    default:
      return null;
  }
}
