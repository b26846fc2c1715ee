// The engine's side of the policy calls (run by the engine host, in the worker or in-process):
// the policies panel, the reachability matrix, and edits of one document of the scenario.
import { appendDocument, policyPanel, reachMatrix, removeDocument, replaceDocument, type Cluster, type PolicyPanel, type ReachProto } from '../engine';
import type { DocumentEdit, Reached } from './engineProtocol';

export const policiesOf = (cluster: Cluster, text: string): PolicyPanel => policyPanel(cluster, text);

export function reachOf(cluster: Cluster, proto: ReachProto, port: number): Reached {
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, error: `port ${port} is not between 1 and 65535` };
  return { ok: true, matrix: reachMatrix(cluster, { proto, port }) };
}

export function editDocument(e: DocumentEdit): string {
  if (e.doc === null) return e.yaml === null ? e.text : appendDocument(e.text, e.yaml);
  return e.yaml === null ? removeDocument(e.text, e.doc) : replaceDocument(e.text, e.doc, e.yaml);
}
