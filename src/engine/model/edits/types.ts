// Edits are data: every change a learner makes to a scenario (on the graph, in the inspector,
// with a switch in the top bar) is one of these records, applied by one pure function to the
// scenario's YAML text (model/edits/apply.ts), keeping the user's comments and the order of
// documents. Undo, autosave, share links and tests all work on this one type.
import type { CniName, ProxyMode } from '../types';

/** The kinds of object an edit can name. A Pod may be one a controller made: see owner.ts. */
export type ObjectKind = 'Node' | 'Pod' | 'Deployment' | 'DaemonSet' | 'StatefulSet' | 'Service' | 'Ingress' | 'NetworkPolicy' | 'Namespace';

export interface ObjectRef {
  readonly kind: ObjectKind;
  /** Absent for Nodes and Namespaces; "default" when left out for the others. */
  readonly namespace?: string;
  readonly name: string;
}

export type Labels = Readonly<Record<string, string>>;
export type PortProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface ContainerPortInit {
  readonly containerPort: number;
  readonly name?: string;
  readonly protocol?: PortProtocol;
}

export interface ContainerInit {
  readonly name: string;
  readonly image: string;
  readonly ports?: readonly ContainerPortInit[];
}

export interface ServicePortInit {
  readonly name?: string;
  readonly port: number;
  readonly targetPort?: number | string;
  readonly protocol?: PortProtocol;
  readonly nodePort?: number;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

/** What a new object is. Names may be left out: the edit picks the first free one ("pod", "pod-2" ...). */
export type NewObject =
  | { readonly kind: 'Node'; readonly role: 'control-plane' | 'worker' }
  | { readonly kind: 'Pod'; readonly namespace?: string; readonly name?: string; readonly node?: string; readonly labels?: Labels; readonly containers?: readonly ContainerInit[] }
  | { readonly kind: 'Deployment'; readonly namespace?: string; readonly name?: string; readonly replicas?: number; readonly labels?: Labels; readonly containers?: readonly ContainerInit[] }
  | { readonly kind: 'Service'; readonly namespace?: string; readonly name?: string; readonly type?: ServiceType; readonly selector?: Labels; readonly ports?: readonly ServicePortInit[] }
  | { readonly kind: 'Ingress'; readonly namespace?: string; readonly name?: string; readonly host?: string; readonly path?: string; readonly service: string; readonly port: number }
  | {
    readonly kind: 'NetworkPolicy'; readonly namespace?: string; readonly name?: string;
    /** The pods it applies to (empty: every pod of the namespace). */
    readonly podSelector?: Labels;
    /** Pods allowed in; absent: the policy denies all ingress to the selected pods. */
    readonly allowFrom?: Labels;
  }
  | { readonly kind: 'Namespace'; readonly name: string };

export type TrafficPolicyField = 'externalTrafficPolicy' | 'internalTrafficPolicy';

export type ScenarioEdit =
  | { readonly op: 'add'; readonly object: NewObject }
  | { readonly op: 'remove'; readonly target: ObjectRef }
  | { readonly op: 'rename'; readonly target: ObjectRef; readonly to: string }
  /** A copy under a new name; a Deployment's pod: one more replica. */
  | { readonly op: 'duplicate'; readonly target: ObjectRef; readonly name?: string }
  | { readonly op: 'setLabels'; readonly target: ObjectRef; readonly labels: Labels }
  /** Service spec.selector, NetworkPolicy spec.podSelector.matchLabels; null removes a Service's selector. */
  | { readonly op: 'setSelector'; readonly target: ObjectRef; readonly selector: Labels | null }
  | { readonly op: 'setReplicas'; readonly target: ObjectRef; readonly replicas: number }
  | { readonly op: 'setNodeName'; readonly target: ObjectRef; readonly node: string | null }
  | { readonly op: 'addContainer'; readonly target: ObjectRef; readonly container: ContainerInit }
  | { readonly op: 'removeContainer'; readonly target: ObjectRef; readonly container: string }
  | { readonly op: 'renameContainer'; readonly target: ObjectRef; readonly container: string; readonly to: string }
  | { readonly op: 'setContainerPorts'; readonly target: ObjectRef; readonly container: string; readonly ports: readonly ContainerPortInit[] }
  | { readonly op: 'setServiceType'; readonly target: ObjectRef; readonly type: ServiceType }
  | { readonly op: 'setServicePorts'; readonly target: ObjectRef; readonly ports: readonly ServicePortInit[] }
  /** null removes the field (the API server's default, Cluster, applies). */
  | { readonly op: 'setTrafficPolicy'; readonly target: ObjectRef; readonly field: TrafficPolicyField; readonly policy: 'Cluster' | 'Local' | null }
  /** Makes a Service select a pod (a link drawn from the Service to the pod): see services.ts for which label it uses. */
  | { readonly op: 'connect'; readonly service: ObjectRef; readonly pod: ObjectRef }
  /** The object's document replaced by YAML the learner wrote (a policy edited in the Policies panel), kept as written. */
  | { readonly op: 'setYaml'; readonly target: ObjectRef; readonly yaml: string }
  | { readonly op: 'setProxyMode'; readonly mode: ProxyMode }
  | { readonly op: 'setCni'; readonly cni: CniName }
  | { readonly op: 'setSeed'; readonly seed: number }
  /** Graph positions the learner dragged, by graph element id; null forgets one. */
  | { readonly op: 'setPositions'; readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number } | null>> };

export type EditOp = ScenarioEdit['op'];

export type EditResult =
  | {
    readonly ok: true;
    readonly text: string;
    /** What the edit did, when it is worth saying: "added label app=api to Deployment default/web". */
    readonly notes: readonly string[];
    /** The object the edit made or renamed, to select next. */
    readonly made?: ObjectRef;
  }
  | { readonly ok: false; readonly error: string };

export const refText = (r: ObjectRef): string =>
  r.kind === 'Node' || r.kind === 'Namespace' ? `${r.kind} ${r.name}` : `${r.kind} ${r.namespace ?? 'default'}/${r.name}`;
