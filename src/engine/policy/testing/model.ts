// Test support: an upstream e2e case as a compiled cluster. The model is compiled once to learn
// the pod addresses (IPAM does not depend on policies), then again with the case's policies,
// their illustrative addresses replaced by the real ones. Used only by tests.
import type { Cluster } from '../../cluster/types';
import { clusterFrom } from '../../testing/build';
import { policiesFor, upstreamModelYaml, type UpstreamCase } from './upstream';

/** The case on the model cluster; `extra` is appended to the Podpath settings (a CNI choice, say). */
export function upstreamCluster(k: UpstreamCase, extra = ''): Cluster {
  const model = upstreamModelYaml(k.ports).replace('spec: {systemPods: false}', `spec: {systemPods: false${extra}}`);
  const plain = clusterFrom(model);
  return clusterFrom(`${model}---\n${policiesFor(k, (key) => plain.pod(key)!.ip)}`);
}
