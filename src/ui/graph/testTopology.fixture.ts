// Compiled topologies for the graph's unit tests: the default scenario and a large one.
import { compile, parseScenario, topology, type Topology } from '../../engine';
import defaultYaml from '../../scenarios/default.yaml?raw';
import { bigScenario } from './bigScenario.fixture';

export function topologyOf(yaml: string): Topology {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const compiled = compile(parsed.scenario);
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('; '));
  return topology(compiled.cluster);
}

export const defaultTopology = (): Topology => topologyOf(defaultYaml);

/** The default scenario plus a host-network pod on kind-worker: its container sits in the node itself. */
export const HOST_NETWORK_YAML = `${defaultYaml.trimEnd()}
---
apiVersion: v1
kind: Pod
metadata:
  name: agent
  namespace: kube-system
spec:
  nodeName: kind-worker
  hostNetwork: true
  containers:
    - name: agent
      image: example/agent:1
      ports:
        - containerPort: 9100
`;
export const bigTopology = (): Topology => topologyOf(bigScenario(9, 10));
