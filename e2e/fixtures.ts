// Scenario texts the journeys use: the default scenario from the source tree, and edits of it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_YAML = readFileSync(fileURLToPath(new URL('../src/scenarios/default.yaml', import.meta.url)), 'utf8');

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
