// Where an edit of a pod lands. A pod with a document of its own is edited there; a pod a
// controller made (a Deployment's ReplicaSet, a DaemonSet, a StatefulSet) has no document, so
// the edit becomes an edit of its controller's pod template, as `kubectl edit` on the
// workload would: the controller then makes the pods again from the new template.
import type { Document } from 'yaml';
import { parseScenario } from '../parse';
import type { PodOwner } from '../types';
import type { ScenarioDocs } from './docs';
import { namespaceOf } from './docs';
import { refText, type ObjectRef } from './types';

export interface PodHome {
  readonly doc: Document;
  /** The document's object: the Pod itself, or the workload that owns it. */
  readonly ref: ObjectRef;
  /** Where the pod's metadata (labels) and spec (containers, nodeName) sit in that document. */
  readonly meta: readonly string[];
  readonly spec: readonly string[];
  /** Whether the pod comes from a workload's template (so several pods share the edit). */
  readonly template: boolean;
}

const WORKLOADS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

export const isWorkload = (ref: ObjectRef): boolean => WORKLOADS.has(ref.kind);

function ownerRef(namespace: string, owner: PodOwner): ObjectRef {
  switch (owner.kind) {
    case 'ReplicaSet': return { kind: 'Deployment', namespace, name: owner.deployment };
    case 'DaemonSet': return { kind: 'DaemonSet', namespace, name: owner.name };
    case 'StatefulSet': return { kind: 'StatefulSet', namespace, name: owner.name };
  }
}

/** The controller that made a pod that has no document of its own, from the parsed scenario. */
export function podOwner(text: string, pod: ObjectRef): ObjectRef | string {
  const parsed = parseScenario(text);
  if (!parsed.ok) return 'the scenario does not parse; fix it in the Scenario tab first';
  const ns = namespaceOf(pod);
  const spec = parsed.scenario.pods.find((p) => p.namespace === ns && p.name === pod.name);
  if (!spec) return `there is no ${refText(pod)}`;
  if (!spec.owner) return `${refText(pod)} has no document of its own to edit`;
  return ownerRef(spec.namespace, spec.owner);
}

const templateHome = (doc: Document, ref: ObjectRef): PodHome => ({
  doc, ref, meta: ['spec', 'template', 'metadata'], spec: ['spec', 'template', 'spec'], template: true,
});

/** The document (and paths) to edit for a pod or a workload's pods. */
export function podHome(docs: ScenarioDocs, text: string, target: ObjectRef): PodHome | string {
  if (isWorkload(target)) {
    const doc = docs.find(target);
    return doc ? templateHome(doc, target) : `there is no ${refText(target)}`;
  }
  if (target.kind !== 'Pod') return `${refText(target)} has no pods to edit`;
  const own = docs.find(target);
  if (own) return { doc: own, ref: target, meta: ['metadata'], spec: ['spec'], template: false };
  const owner = podOwner(text, target);
  if (typeof owner === 'string') return owner;
  const doc = docs.find(owner);
  if (!doc) {
    return owner.kind === 'Deployment' && owner.name === 'coredns' && owner.namespace === 'kube-system'
      ? 'CoreDNS is kind\'s own Deployment; set spec.systemPods: false in the Podpath document to leave it out'
      : `${refText(target)} belongs to ${refText(owner)}, which has no document to edit`;
  }
  return templateHome(doc, owner);
}
