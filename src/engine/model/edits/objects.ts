// Adding, removing, renaming and duplicating whole objects. An object is a document of its
// own, except nodes (entries of the kind Cluster document, or Node documents) and pods a
// controller made: removing one of a Deployment's pods scales the Deployment down (its
// ReplicaSet would replace a deleted pod), duplicating one scales it up, renaming one renames
// the Deployment its name comes from.
import { namespaceOf, done, refuse, type ScenarioDocs } from './docs';
import { addNode, removeNode, renameNode } from './cluster';
import { podHome, podOwner } from './owner';
import { setReplicas } from './pods';
import { manifestOf, nameFor, namesOf, uniqueName } from './templates';
import { refText, type EditResult, type NewObject, type ObjectRef } from './types';

export function addObject(docs: ScenarioDocs, obj: NewObject): EditResult {
  if (obj.kind === 'Node') return addNode(docs, obj.role);
  const name = nameFor(docs, obj);
  const ns = obj.kind === 'Namespace' ? undefined : obj.namespace ?? 'default';
  if (namesOf(docs, obj.kind, ns).has(name)) return refuse(`there is already a ${obj.kind} ${ns ? `${ns}/` : ''}${name}`);
  const manifest = manifestOf(obj, name);
  // A Namespace goes before the objects that live in it, as `kubectl apply -f` wants it.
  if (obj.kind === 'Namespace') {
    const after = docs.ofKind('Namespace').at(-1) ?? docs.ofKind('Podpath')[0] ?? docs.ofKind('Cluster')[0];
    docs.add(manifest, after);
  } else docs.add(manifest);
  return done(docs, [], { kind: obj.kind, name, ...(ns ? { namespace: ns } : {}) });
}

/** A pod with no document: the edit that stands for it on its controller (scale by `delta`, or why not). */
function scaleOwner(docs: ScenarioDocs, text: string, pod: ObjectRef, delta: 1 | -1): EditResult {
  const home = podHome(docs, text, pod);
  if (typeof home === 'string') return refuse(home);
  if (home.ref.kind === 'DaemonSet') {
    return refuse(`${refText(pod)} is ${refText(home.ref)}'s pod on its node; a DaemonSet runs one pod on every node it fits, so change its nodeSelector or remove the DaemonSet`);
  }
  const replicas = Number(home.doc.getIn(['spec', 'replicas']) ?? 1);
  const next = Math.max(0, replicas + delta);
  const out = setReplicas(docs, text, home.ref, next);
  if (!out.ok) return out;
  const why = delta < 0 ? 'its ReplicaSet would replace a deleted pod' : 'a copy of a controller\'s pod is one more replica';
  return { ...out, notes: [`${refText(home.ref)} now has ${next} replica${next === 1 ? '' : 's'}: ${why}`] };
}

export function removeObject(docs: ScenarioDocs, text: string, target: ObjectRef): EditResult {
  if (target.kind === 'Node') return removeNode(docs, target.name);
  const doc = docs.find(target);
  if (doc) {
    docs.remove(doc);
    const notes = target.kind === 'Namespace' ? [`the objects in namespace ${target.name} stay; podpath creates the namespace for them`] : [];
    return done(docs, notes);
  }
  if (target.kind === 'Pod') return scaleOwner(docs, text, target, -1);
  return refuse(`there is no ${refText(target)} in the scenario's documents`);
}

/** Objects that name a renamed one: pods' namespace for a Namespace, Ingress backends for a Service. */
function renameReferences(docs: ScenarioDocs, target: ObjectRef, to: string) {
  if (target.kind === 'Namespace') {
    for (const kind of ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'Service', 'EndpointSlice', 'Ingress', 'NetworkPolicy']) {
      for (const d of docs.ofKind(kind)) if (d.getIn(['metadata', 'namespace']) === target.name) docs.touch(d).setIn(['metadata', 'namespace'], to);
    }
  }
  if (target.kind === 'Service') {
    for (const ing of docs.ofKind('Ingress')) {
      if ((ing.getIn(['metadata', 'namespace']) ?? 'default') !== namespaceOf(target)) continue;
      const json = ing.toJS() as { spec?: { rules?: { http?: { paths?: { backend?: { service?: { name?: string } } }[] } }[] } };
      (json.spec?.rules ?? []).forEach((r, ri) => (r.http?.paths ?? []).forEach((p, pi) => {
        if (p.backend?.service?.name === target.name) docs.touch(ing).setIn(['spec', 'rules', ri, 'http', 'paths', pi, 'backend', 'service', 'name'], to);
      }));
    }
  }
}

export function renameObject(docs: ScenarioDocs, text: string, target: ObjectRef, to: string): EditResult {
  if (target.kind === 'Node') return renameNode(docs, target.name, to);
  if (to === target.name) return done(docs);
  const doc = docs.find(target);
  const ns = namespaceOf(target);
  if (doc) {
    if (namesOf(docs, target.kind, ns).has(to)) return refuse(`there is already a ${target.kind} ${ns ? `${ns}/` : ''}${to}`);
    docs.touch(doc).setIn(['metadata', 'name'], to);
    renameReferences(docs, target, to);
    return done(docs, [], { ...target, name: to });
  }
  if (target.kind === 'Pod') {
    const owner = podOwner(text, target);
    if (typeof owner === 'string') return refuse(owner);
    if (!docs.find(owner)) return refuse(`${refText(target)} belongs to ${refText(owner)}, which has no document to edit`);
    const out = renameObject(docs, text, owner, to);
    return out.ok ? { ...out, notes: [`${refText(target)} takes its name from ${refText(owner)}, so the edit renamed ${refText(owner)} to ${to}`] } : out;
  }
  return refuse(`there is no ${refText(target)} in the scenario's documents`);
}

/** A copy of a document under a new name, without what the API server allocated or what must be unique. */
function copyOf(json: Record<string, unknown>, name: string): Record<string, unknown> {
  const meta = { ...(json.metadata as Record<string, unknown>), name };
  const out: Record<string, unknown> = { ...json, metadata: meta };
  if (json.kind === 'Service') {
    const spec = { ...(json.spec as Record<string, unknown>) };
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.healthCheckNodePort;
    if (Array.isArray(spec.ports)) spec.ports = (spec.ports as Record<string, unknown>[]).map(({ nodePort: _, ...p }) => p);
    out.spec = spec;
    delete out.status;
  }
  return out;
}

export function duplicateObject(docs: ScenarioDocs, text: string, target: ObjectRef, name?: string): EditResult {
  if (target.kind === 'Node') {
    const role = docs.find(target)?.getIn(['metadata', 'labels', 'node-role.kubernetes.io/control-plane']) !== undefined ? 'control-plane' : 'worker';
    return addNode(docs, role);
  }
  const doc = docs.find(target);
  if (!doc) return target.kind === 'Pod' ? scaleOwner(docs, text, target, 1) : refuse(`there is no ${refText(target)} in the scenario's documents`);
  const ns = namespaceOf(target);
  const fresh = name ?? uniqueName(target.name.replace(/-\d+$/, ''), namesOf(docs, target.kind, ns));
  if (namesOf(docs, target.kind, ns).has(fresh)) return refuse(`there is already a ${target.kind} ${ns ? `${ns}/` : ''}${fresh}`);
  const copy = copyOf(doc.toJS() as Record<string, unknown>, fresh);
  docs.add(copy, doc);
  return done(docs, [], { ...target, name: fresh });
}
