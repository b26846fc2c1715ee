// Pods, written or made by a controller, as the API server and the kernel take them
// (pkg/apis/core/validation): container names unique, container port names unique in their
// container (validateContainerPorts: `Duplicate value`), one listener per port across the
// pod's containers (they share a network namespace), nodeName naming a node, one pod per
// name and namespace, and a warning for a namespace nobody declared.
import type { PodOwner, PodSpec } from '../types';
import { duplicate } from './field-errors';
import type { CheckContext } from './context';

/** The object in the scenario a pod comes from: the Deployment behind its ReplicaSet, a DaemonSet, a StatefulSet. */
function ownerOf(o: PodOwner): { kind: string; name: string } {
  switch (o.kind) {
    case 'ReplicaSet': return { kind: 'Deployment', name: o.deployment };
    case 'DaemonSet': return { kind: 'DaemonSet', name: o.name };
    case 'StatefulSet': return { kind: 'StatefulSet', name: o.name };
  }
}

/** Where a pod's own spec sits in its document: a controller's pods come from spec.template. */
export const podField = (p: PodSpec, field: string): string => (p.owner ? field.replace(/^spec\./, 'spec.template.spec.').replace(/^metadata\./, 'spec.template.metadata.') : field);

export function checkPods(ctx: CheckContext): void {
  const s = ctx.scenario;
  const nodes = new Set(s.cluster.nodes.map((n) => n.name));
  const names = new Map<string, number>();
  const checkedOwners = new Set<string>();
  for (const p of s.pods) {
    const owner = p.owner ? ownerOf(p.owner) : undefined;
    const w = { doc: p.source.doc, line: p.source.line, fields: p.source.fields, object: owner ? `${owner.kind} ${p.namespace}/${owner.name}` : `Pod ${p.namespace}/${p.name}` };
    const key = `${p.namespace}/${p.name}`;
    if (!p.owner) {
      if (names.has(key)) ctx.out.error(w, 'metadata.name', `pods "${p.name}" already exists in namespace "${p.namespace}" (document ${names.get(key)})`);
      names.set(key, p.source.doc);
    }
    // A Deployment's replicas share one spec: check it once.
    if (owner) {
      const key = `${owner.kind}/${p.namespace}/${owner.name}`;
      if (checkedOwners.has(key)) continue;
      checkedOwners.add(key);
    }
    if (p.nodeName !== undefined && !nodes.has(p.nodeName)) {
      ctx.out.error(w, podField(p, 'spec.nodeName'), `node "${p.nodeName}" does not exist; the nodes are ${[...nodes].slice(0, 10).join(', ')}${nodes.size > 10 ? ', ...' : ''}`);
    }
    const containerNames = new Set<string>();
    const ports = new Map<string, string>();
    p.containers.forEach((c, ci) => {
      if (containerNames.has(c.name)) ctx.out.error(w, podField(p, `spec.containers[${ci}].name`), `${duplicate(c.name)}: two containers are named "${c.name}"`);
      containerNames.add(c.name);
      const portNames = new Set<string>();
      c.ports.forEach((port, pi) => {
        if (port.name !== undefined) {
          if (portNames.has(port.name)) ctx.out.error(w, podField(p, `spec.containers[${ci}].ports[${pi}].name`), duplicate(port.name));
          portNames.add(port.name);
        }
        const k = `${port.containerPort}/${port.protocol}`;
        const other = ports.get(k);
        if (other !== undefined) {
          ctx.out.error(w, podField(p, `spec.containers[${ci}].ports[${pi}].containerPort`),
            `containers "${other}" and "${c.name}" both use port ${k}: containers of one pod share one network namespace, so one port can have one listener`);
        }
        ports.set(k, c.name);
      });
    });
    if (!s.namespaces.some((n) => n.name === p.namespace)) {
      ctx.out.warn(w, podField(p, 'metadata.namespace'), `namespace "${p.namespace}" is not declared; podpath creates it`);
    }
  }
}
