// What the page and the engine say to each other. The compiled cluster (with its lazy,
// remembered namespaces) lives with the engine, in a Web Worker or in-process; the page keeps
// only what these messages carry: plain, structured-cloneable data. Every request has an id.
// A load's id names the cluster it compiled, a simulate's id names the state (ARP caches,
// conntrack ...) it left behind; later requests name the cluster and state they are about.
import type {
  Addon, Check, CniName, CommandOutput, EditResult, ExecSpec, ImportResult, Inspected, Judgement, KindHandoutResult, LessonAnswer, LessonStep, ObjectRef, PolicyPanel, PreparedCheck,
  ProxyMode, ReachMatrix, ReachProto, RoutingTable, ScenarioEdit, ScenarioError, SearchResult, SendSpec, TableText, Topology, Trace,
} from '../engine';

/** What the page needs to know about the working scenario, without the scenario itself. */
export interface ScenarioSummary {
  /** Node names, in the cluster's order. */
  readonly nodes: readonly string[];
  /** Scheduled pods, and pods the scheduler could not place. */
  readonly pods: number;
  readonly pending: number;
  readonly services: number;
  /** Kubernetes namespaces that hold pods or Services, sorted, with their pods counted. */
  readonly namespaces: readonly { readonly name: string; readonly pods: number }[];
  readonly proxyMode: ProxyMode;
  /** The CNI plugin, and how explanations name it ("flannel (VXLAN)"). */
  readonly cni: CniName;
  readonly cniTitle: string;
  readonly seed: number;
  /** Graph positions the learner dragged (the Podpath document's spec.layout), by element id. */
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
}

export type Loaded =
  | {
    readonly ok: true; readonly summary: ScenarioSummary; readonly warnings: readonly ScenarioError[];
    /** The whole topology of a small cluster; of a big one, the overview (see `inside`). */
    readonly topo: Topology;
    /** The nodes whose insides (devices, pods, containers) `topo` holds; the others come with details(). */
    readonly inside: readonly string[];
    /** The layer-7 proxies' routing tables (l7/tables.ts). */
    readonly routing: readonly RoutingTable[];
  }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

export type Simulated = { readonly ok: true; readonly trace: Trace } | { readonly ok: false; readonly error: string };

/** A shell command's output, and the conversation it made (none for a command that only reads state). */
export type Executed = { readonly ok: true; readonly output: CommandOutput; readonly trace: Trace | null } | { readonly ok: false; readonly error: string };

/** A reachability matrix, every cell a real send; or why it could not be computed. */
export type Reached = { readonly ok: true; readonly matrix: ReachMatrix } | { readonly ok: false; readonly error: string };

/** Where a load is: the page shows it when a load takes long. */
export type LoadPhase = 'parsing' | 'compiling' | 'drawing';

/** Every call the engine answers: what it takes and what it gives back. */
export interface EngineCalls {
  /** Parses and compiles a scenario and draws its topology. */
  readonly load: { readonly args: { readonly text: string }; readonly result: Loaded };
  /** One send (and its answer) through a compiled cluster, from empty tables. */
  readonly simulate: { readonly args: { readonly cluster: number; readonly send: SendSpec }; readonly result: Simulated };
  /** A shell command run in the state the last send or command left (0: the initial state). */
  readonly exec: { readonly args: { readonly cluster: number; readonly state: number; readonly exec: ExecSpec }; readonly result: Executed };
  /** A namespace's tables as the real tools print them, in a state a send left (0: before any send). */
  readonly tables: {
    readonly args: { readonly cluster: number; readonly state: number; readonly netns: string };
    readonly result: readonly TableText[];
  };
  /** What is inside some nodes (devices, pods, containers, the Service links to those pods). */
  readonly details: { readonly args: { readonly cluster: number; readonly nodes: readonly string[] }; readonly result: Topology };
  /** Pods, Services, nodes and outside hosts by name or address. */
  readonly search: { readonly args: { readonly cluster: number; readonly query: string; readonly limit: number }; readonly result: SearchResult };
  /** The cluster's NetworkPolicies, the pods each selects and whether its plugin enforces them. */
  readonly policies: { readonly args: { readonly cluster: number; readonly text: string }; readonly result: PolicyPanel };
  /** Every pod to every pod on one protocol and port, through the cluster, from empty tables. */
  readonly reach: { readonly args: { readonly cluster: number; readonly proto: ReachProto; readonly port: number }; readonly result: Reached };
  /** The scenario text with edits applied (comments kept), or why they cannot be. */
  readonly edit: { readonly args: { readonly text: string; readonly edits: readonly ScenarioEdit[] }; readonly result: EditResult };
  /** An object's editable fields as its document (or its controller's template) has them, for the inspector. */
  readonly inspect: { readonly args: { readonly text: string; readonly ref: ObjectRef }; readonly result: Inspected };
  /** kubectl's output (pasted or dropped texts) as a scenario, with what was kept and left out. */
  readonly importKubectl: { readonly args: { readonly texts: readonly string[] }; readonly result: ImportResult };
  /** The scenario as a kind config and manifests with the commands to make the cluster. */
  readonly kindHandout: { readonly args: { readonly text: string }; readonly result: KindHandoutResult };
  /** A lesson's check, asked of the trace the page shows in a compiled cluster: the question, its options, the right answer now. */
  readonly prepareCheck: { readonly args: LessonCheckArgs; readonly result: PreparedCheck };
  /** A learner's answer to a check, judged afresh (a task runs the engine again). */
  readonly judgeCheck: { readonly args: LessonCheckArgs & { readonly answer: LessonAnswer }; readonly result: Judgement };
  /** The scenario text with an addon in spec.addons, comments kept. */
  readonly addAddon: { readonly args: { readonly text: string; readonly addon: Addon }; readonly result: string };
}

export interface LessonCheckArgs {
  readonly cluster: number;
  readonly trace: Trace | null;
  readonly step: Pick<LessonStep, 'run' | 'find'>;
  readonly check: Check;
  /** The editor's text, when it is not the working scenario. */
  readonly draft?: string;
}

export type CallName = keyof EngineCalls;

export type CallRequest = { readonly [K in CallName]: { readonly id: number; readonly call: K } & EngineCalls[K]['args'] }[CallName];

/** Tells the engine which cluster and state the page still uses: anything older can go. */
export interface RetainRequest {
  readonly id: 0;
  readonly call: 'retain';
  readonly cluster: number;
  readonly state: number;
}

export type EngineRequest = CallRequest | RetainRequest;

export type EngineAnswer =
  | { readonly [K in CallName]: { readonly id: number; readonly type: 'result'; readonly call: K; readonly value: EngineCalls[K]['result'] } }[CallName]
  /** The engine threw: a bug, reported instead of lost. */
  | { readonly id: number; readonly type: 'failed'; readonly error: string }
  | { readonly id: number; readonly type: 'progress'; readonly phase: LoadPhase };
