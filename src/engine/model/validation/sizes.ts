// The limits of limits.ts, checked on the documents before anything is expanded, so a
// Deployment of a million replicas is an error and not a million objects in memory.
import type { ParsedDocs } from '../normalise';
import type { ScenarioError } from '../types';
import { locate, tooMany } from './field-errors';
import { count, LIMITS } from './limits';

export function checkSizes(parsed: ParsedDocs, systemPods: number): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const kc = parsed.clusters[0];
  const nodes = kc?.value.nodes?.length ?? 1;
  if (kc && nodes > LIMITS.nodes) {
    errors.push(locate({ doc: kc.doc, line: kc.line([]), fields: kc.fields, object: 'Cluster' }, 'nodes',
      `${tooMany(nodes, LIMITS.nodes)}: podpath models up to ${count(LIMITS.nodes)} nodes (the Kubernetes scalability limit is 5,000)`));
  }
  let pods = systemPods;
  let containers = systemPods;
  const over = (what: string, limit: number, d: { readonly doc: number; readonly line: (p: readonly (string | number)[]) => number; readonly fields: Readonly<Record<string, number>> }, field: string, object: string) =>
    errors.push(locate({ doc: d.doc, line: d.line([]), fields: d.fields, object }, field,
      `this brings the scenario to more than ${count(limit)} ${what}, the most podpath models (the Kubernetes scalability limit)`));
  for (const p of parsed.pods) {
    pods += 1;
    containers += p.value.spec.containers.length;
    if (pods === LIMITS.pods + 1) over('pods', LIMITS.pods, p, 'metadata.name', `Pod ${p.value.metadata.namespace ?? 'default'}/${p.value.metadata.name}`);
    if (containers > LIMITS.containers && containers - p.value.spec.containers.length <= LIMITS.containers) over('containers', LIMITS.containers, p, 'spec.containers', `Pod ${p.value.metadata.name}`);
  }
  for (const d of parsed.deployments) {
    const before = pods;
    pods += d.value.spec.replicas;
    const object = `Deployment ${d.value.metadata.namespace ?? 'default'}/${d.value.metadata.name}`;
    if (before <= LIMITS.pods && pods > LIMITS.pods) over('pods', LIMITS.pods, d, 'spec.replicas', object);
    const c = containers;
    containers += d.value.spec.replicas * d.value.spec.template.spec.containers.length;
    if (c <= LIMITS.containers && containers > LIMITS.containers) over('containers', LIMITS.containers, d, 'spec.replicas', object);
  }
  // A DaemonSet runs a pod on every node (at most); a StatefulSet its replicas.
  const controllers = [
    ...parsed.daemonSets.map((d) => ({ d, count: nodes, containers: d.value.spec.template.spec.containers.length, object: `DaemonSet ${d.value.metadata.namespace ?? 'default'}/${d.value.metadata.name}`, field: 'metadata.name' })),
    ...parsed.statefulSets.map((d) => ({ d, count: d.value.spec.replicas, containers: d.value.spec.template.spec.containers.length, object: `StatefulSet ${d.value.metadata.namespace ?? 'default'}/${d.value.metadata.name}`, field: 'spec.replicas' })),
  ];
  for (const c of controllers) {
    const before = pods;
    pods += c.count;
    if (before <= LIMITS.pods && pods > LIMITS.pods) over('pods', LIMITS.pods, c.d, c.field, c.object);
    const cs = containers;
    containers += c.count * c.containers;
    if (cs <= LIMITS.containers && containers > LIMITS.containers) over('containers', LIMITS.containers, c.d, c.field, c.object);
  }
  const services = parsed.services.length;
  if (services > LIMITS.services) {
    const d = parsed.services[LIMITS.services]!;
    errors.push(locate({ doc: d.doc, line: d.line([]), fields: d.fields, object: `Service ${d.value.metadata.namespace ?? 'default'}/${d.value.metadata.name}` }, 'metadata.name',
      `this is Service number ${count(LIMITS.services + 1)}: podpath models up to ${count(LIMITS.services)} Services, the Kubernetes scalability limit`));
  }
  return errors;
}
