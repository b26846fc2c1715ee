// Compiled topologies for the graph's unit tests: the default scenario and a large one, and
// the names of the default scenario's api replicas.
import { compile, parseScenario, topology, type Cluster, type Topology } from '../../engine';
import { apiPodOn } from '../../scenarios/default.fixture';
import defaultYaml from '../../scenarios/default.yaml?raw';
import { bigScenario } from './bigScenario.fixture';

function clusterOf(yaml: string): Cluster {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const compiled = compile(parsed.scenario);
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('; '));
  return compiled.cluster;
}

export const topologyOf = (yaml: string): Topology => topology(clusterOf(yaml));

export const defaultTopology = (): Topology => topologyOf(defaultYaml);

/** The api replica on web's node, and the one on the other worker. */
export const API_NEAR = apiPodOn(clusterOf(defaultYaml), 'kind-worker');
export const API_FAR = apiPodOn(clusterOf(defaultYaml), 'kind-worker2');

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
