// Test support: build a compiled cluster from YAML text in one call, failing loudly.
import { parseScenario } from '../model/parse';
import { compile } from '../cluster/compile';
import type { Cluster } from '../cluster/types';
import { formatScenarioError } from '../format/errors';

export function clusterFrom(yaml: string): Cluster {
  const p = parseScenario(yaml);
  if (!p.ok) throw new Error(p.errors.map(formatScenarioError).join('\n'));
  const c = compile(p.scenario);
  if (!c.ok) throw new Error(c.errors.map(formatScenarioError).join('\n'));
  return c.cluster;
}

export const KIND_3 = `apiVersion: kind.x-k8s.io/v1alpha4
kind: Cluster
nodes:
  - role: control-plane
  - role: worker
  - role: worker
`;

/** A pod document: `pod('web', 'kind-worker', [['nginx', 80]])`. */
export function pod(name: string, node: string | undefined, containers: readonly (readonly [string, ...number[]])[], ns = 'default'): string {
  const cs = containers.map(([c, ...ports]) => `    - name: ${c}\n      image: example/${c}\n${ports.length ? `      ports:\n${ports.map((p) => `        - containerPort: ${p}\n`).join('')}` : ''}`).join('');
  return `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n${node ? `  nodeName: ${node}\n` : ''}  containers:\n${cs}`;
}
