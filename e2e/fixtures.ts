// Scenario texts the journeys use: the default scenario from the source tree, and edits of
// it; and the names and addresses its controllers generate (the api Deployment's pods), read
// from the engine's compile of that same text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, parseScenario } from '../src/engine';
import { apiPodOn } from '../src/scenarios/default.fixture';

export const DEFAULT_YAML = readFileSync(fileURLToPath(new URL('../src/scenarios/default.yaml', import.meta.url)), 'utf8');

function defaultCluster() {
  const parsed = parseScenario(DEFAULT_YAML);
  if (!parsed.ok) throw new Error('the default scenario does not parse');
  const compiled = compile(parsed.scenario);
  if (!compiled.ok) throw new Error('the default scenario does not compile');
  return compiled.cluster;
}

const cluster = defaultCluster();

/** The api replica on kind-worker2, the other worker than web's: "default/api-<hash>-<suffix>". */
export const API_POD = apiPodOn(cluster, 'kind-worker2');
/** Every api replica's pod IP. */
export const API_POD_IPS = cluster.nodes.flatMap((n) => n.pods).filter((k) => k.startsWith('default/api-')).map((k) => cluster.pod(k)!.ip);

/** The default scenario with api's containerPort turned into a word: parses as YAML, fails validation. */
export const BAD_PORT_YAML = DEFAULT_YAML.replace('containerPort: 8080', 'containerPort: eighty');

/** The default scenario plus a pod "db" on kind-worker2. */
export const WITH_DB_YAML = `${DEFAULT_YAML.trimEnd()}
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: data
spec:
  nodeName: kind-worker2
  containers:
    - name: postgres
      image: postgres:16
      ports:
        - containerPort: 5432
`;
