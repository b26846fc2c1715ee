// What an import of kubectl output gives: the scenario text, and a report of what was kept,
// what was left out and why, and what had to be inferred.
export interface Ignored {
  /** "ReplicaSet", "Pod kube-system/kube-proxy-b8h4j", "managedFields, uid, resourceVersion of 40 objects" */
  readonly what: string;
  readonly why: string;
}

export interface ImportReport {
  /** One line per object kept: "Pod default/web on kind-worker, 10.244.2.3". */
  readonly kept: readonly string[];
  readonly ignored: readonly Ignored[];
  /** What was worked out rather than read: "serviceSubnet 10.96.0.0/16 from the ClusterIPs". */
  readonly inferred: readonly string[];
}

export type ImportResult =
  | { readonly ok: true; readonly text: string; readonly report: ImportReport }
  | { readonly ok: false; readonly error: string };

export type Obj = Record<string, unknown>;
