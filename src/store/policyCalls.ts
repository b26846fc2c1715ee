// The engine's side of the policy calls (run by the engine host, in the worker or in-process):
// the policies panel and the reachability matrix (policy edits are the edit call's).
import { policyPanel, reachMatrix, type Cluster, type PolicyPanel, type ReachProto } from '../engine';
import type { Reached } from './engineProtocol';

export const policiesOf = (cluster: Cluster, text: string): PolicyPanel => policyPanel(cluster, text);

export function reachOf(cluster: Cluster, proto: ReachProto, port: number): Reached {
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, error: `port ${port} is not between 1 and 65535` };
  return { ok: true, matrix: reachMatrix(cluster, { proto, port }) };
}
