// The shape of the app's state: one zustand store made of slices. The store holds what the
// user owns (scenario text, selection, settings) and what the engine returned (topology,
// trace, tables), as plain data: the compiled cluster stays with the engine (a Web Worker),
// so every action that needs it is asynchronous. The store never computes networking.
import type {
  Addon, CniName, ImportReport, Inspected, Judgement, KindHandoutResult, Lesson, LessonAnswer, ObjectRef, PolicyPanel, PreparedCheck, ProxyMode, ReachMatrix, ReachProto, RoutingTable,
  ScenarioEdit, ScenarioError, ScenarioRef, SearchHit, SearchResult, TableId, TableText, Topology, Trace, TraceRun,
} from '../engine';
import type { LessonFileError } from '../lessons';
import type { LessonDraft } from '../lessons/draft';
import type { LessonProgress } from './lessonProgress';
import type { ScenarioSummary } from './engineProtocol';
import type { Endpoint, Proto } from './endpoints';
import type { HistoryView } from './history';
import type { HopRef } from './position';
import type { GraphMode, ModeEvent } from './graphMode';
import type { Step } from './steps';
import type { StudySlice } from './study';
import type { TerminalSlice } from './terminalSlice';

/** `superseded`: a newer load replaced this one before it finished; its answer was dropped. */
export type ApplyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly errors: readonly ScenarioError[]; readonly superseded?: true };

export interface ScenarioSlice {
  /** The text of the working scenario (the last one that parsed and compiled). */
  readonly text: string;
  /** What the editor holds; may be broken. */
  readonly draft: string;
  /** What the working scenario holds (node names, counts, mode); null before one compiled. */
  readonly summary: ScenarioSummary | null;
  readonly topo: Topology;
  /** Problems of the last apply that failed; empty once one succeeds. */
  readonly errors: readonly ScenarioError[];
  /** What the working scenario keeps but does not model (a kind it stores as given ...). */
  readonly warnings: readonly ScenarioError[];
  /** kube-proxy's mode in the working scenario; null without one. */
  readonly proxyMode: ProxyMode | null;
  /** The CNI plugin of the working scenario; null without one. */
  readonly cni: CniName | null;
  /** The layer-7 proxies' routing tables (ingress-nginx, Envoy Gateway) in the working scenario. */
  readonly routing: readonly RoutingTable[];
  setDraft(text: string): void;
  /** Puts the working scenario's text back in the editor and forgets the errors. */
  discardDraft(): void;
  /** Parses and compiles the draft; on failure the working scenario stays as it was. */
  applyDraft(): Promise<ApplyResult>;
  /** Replaces draft and scenario at once (the page API, a shared link, a saved scenario); one undo step named `step`. */
  loadScenario(text: string, step?: string): Promise<ApplyResult>;
  /** Rewrites the scenario's kubeProxyMode (an edit: comments kept), recompiles, and sends the last send again. */
  switchProxyMode(mode: ProxyMode): Promise<ApplyResult>;
  /** Rewrites the scenario's spec.cni (an edit, one undo step: comments kept), recompiles, and sends the last send again. */
  switchCni(cni: CniName): Promise<ApplyResult>;
  /** Adds an addon to spec.addons (comments kept) and recompiles. */
  installAddon(addon: Addon): Promise<ApplyResult>;
}

/** `superseded`: a newer change replaced this edit before it finished. `errors`: why the edited scenario did not compile. */
export type EditOutcome =
  | { readonly ok: true; readonly notes: readonly string[]; readonly made?: ObjectRef }
  | { readonly ok: false; readonly error: string; readonly errors?: readonly ScenarioError[]; readonly superseded?: true };

export interface EditStatus {
  readonly kind: 'done' | 'failed';
  /** What the last edit, undo or redo did ("added label app=api to ..."), or why it could not. */
  readonly message: string;
}

export interface EditSlice {
  readonly history: HistoryView;
  readonly editStatus: EditStatus | null;
  /**
   * Applies edits to the working scenario (one undo step named `label`), recompiles, and sends
   * the current send again. Nothing changes when an edit cannot be made or does not compile.
   */
  edit(edits: readonly ScenarioEdit[], label: string): Promise<EditOutcome>;
  /** Goes one step back (or forward) in the history; null when there is none. */
  undo(): Promise<ApplyResult | null>;
  redo(): Promise<ApplyResult | null>;
  /** Loads the default scenario, as a step that Undo takes back. */
  resetToDefault(): Promise<ApplyResult>;
  /** An object's editable fields in the working scenario, for the inspector; null when a newer question replaced this one. */
  inspect(ref: ObjectRef): Promise<Inspected | null>;
  /** kubectl's output as the working scenario (one undo step), with the import report. */
  importKubectl(texts: readonly string[]): Promise<ImportOutcome>;
  /** The working scenario as a kind config and manifests, for a handout. */
  kindHandout(): Promise<KindHandoutResult>;
}

/** `errors`: the imported scenario did not compile (it waits in the editor). */
export type ImportOutcome =
  | { readonly ok: true; readonly report: ImportReport }
  | { readonly ok: false; readonly error: string; readonly report?: ImportReport; readonly errors?: readonly ScenarioError[] };

export interface SelectionSlice {
  readonly source: Endpoint | null;
  readonly destination: Endpoint | null;
  readonly proto: Proto;
  /** Destination port; ignored for ICMP. */
  readonly port: number | null;
  /** The packet's IP total length in bytes; null for the natural size. */
  readonly size: number | null;
  /** Forbid fragmentation (DF, ping -M do). */
  readonly df: boolean;
  /** A click on a graph element: source first, then destination, then start over. */
  pick(elementId: string): void;
  swap(): void;
  clearSelection(): void;
  setProto(proto: Proto): void;
  setPort(port: number | null): void;
  setSize(size: number | null): void;
  setDf(df: boolean): void;
}

export interface SendRequest {
  readonly from: string;
  readonly to: string;
  readonly container?: string;
  readonly port?: number;
  readonly proto?: Proto;
  readonly size?: number;
  readonly df?: boolean;
}

/** `superseded`: a newer send replaced this one before it finished. */
export type SendOutcome =
  | { readonly ok: true; readonly trace: Trace }
  | { readonly ok: false; readonly error: string; readonly superseded?: true };

export interface TraceSlice {
  readonly trace: Trace | null;
  readonly steps: readonly Step[];
  /** Index into steps of the selected hop. */
  readonly position: number;
  readonly sendError: string | null;
  /** Sends what the selection describes. */
  send(): Promise<SendOutcome>;
  /** Sends an explicit request and makes it the selection (the page API). */
  sendRequest(req: SendRequest): Promise<SendOutcome>;
  /**
   * Sends the selection again (after a scenario change), paused at the hop where the
   * destination was first rewritten, so two runs are easy to compare; null when nothing to send.
   */
  resend(): Promise<SendOutcome | null>;
  selectStep(index: number): void;
  stepForward(): void;
  stepBack(): void;
  /** One tick of the player: forward, stopping at the end. */
  tick(): void;
}

export type Speed = 0.5 | 1 | 2 | 4;
export const SPEEDS: readonly Speed[] = [0.5, 1, 2, 4];
export type Panel = 'trace' | 'tables' | 'policies' | 'reach' | 'routing' | 'rules' | 'scenario' | 'edit';

/** A namespace or table the learner chose in the tables panel; it holds while the hop stays selected. */
export interface TablesPin {
  readonly position: number;
  readonly netns?: string;
  readonly table?: TableId;
}

/** A message across the top of the page: a link that could not be opened, what was repaired, storage trouble. */
export interface Notice {
  readonly tone: 'info' | 'warning';
  readonly title: string;
  readonly details: readonly string[];
}

export interface UiSlice {
  readonly playing: boolean;
  readonly speed: Speed;
  readonly panel: Panel;
  readonly tablesPin: TablesPin | null;
  readonly notice: Notice | null;
  showNotice(notice: Notice | null): void;
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  setPanel(panel: Panel): void;
  pinTables(pin: TablesPin): void;
}

/** One namespace's tables, as the engine printed them in the state the current trace left. */
export interface TablesView {
  readonly netns: string | null;
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly list: readonly TableText[];
  readonly error: string | null;
}

export interface TablesSlice {
  readonly tables: TablesView;
  /** Asks the engine for a namespace's tables (after the current trace's send, else before any). */
  showTables(netns: string): Promise<void>;
}

/** The scenario's NetworkPolicies as the engine read them, for the scenario `for` (a summary). */
export interface PoliciesView {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly panel: PolicyPanel | null;
  readonly error: string | null;
  readonly for: ScenarioSummary | null;
}

/** The reachability matrix on one protocol and port, computed for the scenario `for`. */
export interface ReachView {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly matrix: ReachMatrix | null;
  readonly error: string | null;
  readonly proto: ReachProto;
  readonly port: number;
  readonly for: ScenarioSummary | null;
}

export interface PolicySlice {
  readonly policies: PoliciesView;
  /** The policy (NAMESPACE/NAME) whose selected pods the graph highlights. */
  readonly policyFocus: string | null;
  readonly reach: ReachView;
  /** Asks the engine for the working scenario's policies. */
  showPolicies(): Promise<void>;
  focusPolicy(key: string | null): void;
  /** Replaces policy NAMESPACE/NAME's document with `yaml` as written (one undo step). */
  savePolicy(key: string, yaml: string): Promise<EditOutcome>;
  deletePolicy(key: string): Promise<EditOutcome>;
  /** Adds a policy isolating every pod of `namespace` for ingress (one undo step). */
  addDefaultDeny(namespace: string): Promise<EditOutcome>;
  setReachProbe(proto: ReachProto, port: number): void;
  /** Sends every pod to every pod on the chosen protocol and port. */
  computeReach(): Promise<void>;
  /** Sends one cell's packet again and shows its trace. */
  openReachCell(from: string, to: string): Promise<SendOutcome>;
}

export type Openness = 'open' | 'closed';

export interface ViewSlice {
  /** Nodes (by name) whose insides the topology holds; the others are counted, not drawn. */
  readonly inside: ReadonlySet<string>;
  /** The learner's choices by element id: nodes and pods opened or closed, Services pinned to the band. */
  readonly opened: Readonly<Record<string, Openness>>;
  /** Kubernetes namespaces shown; null for all. */
  readonly namespaces: ReadonlySet<string> | null;
  /** Hide kube-system's pods and the cluster's own Services. */
  readonly hideSystem: boolean;
  /** Show only what the trace touches. */
  readonly pathOnly: boolean;
  /** Open the nodes and pods the trace crosses, and keep the packet in view while it plays. */
  readonly follow: boolean;
  /** Bigger type for a classroom projector. */
  readonly presentation: boolean;
  /** The element the graph should bring into view; seq changes each time it is asked. */
  readonly focus: { readonly id: string; readonly seq: number } | null;
  /** Asks the engine for the insides of these nodes (those not held yet) and adds them to the topology. */
  revealNodes(nodes: readonly string[]): Promise<void>;
  /** Opens or closes a node (fetching its inside) or a pod, or pins a Service. */
  setOpen(id: string, open: boolean): Promise<void>;
  /** Pods, Services, nodes and outside hosts by name or address; null when a newer search replaced it. */
  find(query: string): Promise<SearchResult | null>;
  /** Opens what holds a search hit and asks the graph to fly to it. */
  flyTo(hit: SearchHit): Promise<void>;
  setNamespaces(namespaces: ReadonlySet<string> | null): void;
  setHideSystem(hide: boolean): void;
  setPathOnly(pathOnly: boolean): void;
  setFollow(follow: boolean): void;
  setPresentation(presentation: boolean): void;
}

export interface WorkSlice {
  /** What the engine is doing for the page, while it works ("Compiling the cluster"); null when idle. */
  readonly busy: string | null;
  /** Resolves once every engine call the store has made so far is answered. */
  idle(): Promise<void>;
}

/** What a share link and the autosave keep of the page (see momentSlice.ts). */
export interface Moment {
  readonly scenario: string;
  readonly seed?: number;
  readonly run?: TraceRun;
  readonly at?: HopRef;
  readonly panel?: Panel;
}

export type OpenOutcome =
  | { readonly ok: true; readonly notes: readonly string[] }
  | { readonly ok: false; readonly error: string; readonly errors?: readonly ScenarioError[]; readonly superseded?: true };

export interface MomentSlice {
  /** The page as a moment: the working scenario, the last run (or the send the selection describes), the hop, the panel. */
  moment(): Moment;
  /** Makes a moment the page (one undo step named `step`, or the history's start on a fresh page). */
  openMoment(moment: Moment, step: string): Promise<OpenOutcome>;
  /** Runs what a trace's `run` says again: a send, or a shell command in the same machine's shell. */
  replay(run: TraceRun): Promise<SendOutcome>;
}

/** A scenario the learner saved under a name. */
export interface SavedScenario {
  readonly id: string;
  readonly name: string;
  readonly scenario: string;
  /** ISO 8601. */
  readonly savedAt: string;
}

export interface StorageStatus {
  readonly status: 'ok' | 'failed';
  /** What the last write did, or why it failed (the page keeps everything meanwhile). */
  readonly message: string | null;
}

export interface LibrarySlice {
  readonly library: readonly SavedScenario[];
  readonly storage: StorageStatus;
  loadLibrary(): Promise<void>;
  /** Keeps the working scenario (or the text given) under `name`. */
  saveAs(name: string, scenario?: string): Promise<SavedScenario>;
  /** Loads a saved scenario (one undo step). */
  openSaved(id: string): Promise<ApplyResult>;
  renameSaved(id: string, name: string): Promise<void>;
  deleteSaved(id: string): Promise<void>;
  /** The autosave reports how its last write went. */
  reportStorage(status: StorageStatus): void;
}

/** The edit menu opened on an element (a right click, or the keyboard's menu key), at a place on the page. */
export interface GraphMenu {
  readonly elementId: string;
  readonly x: number;
  readonly y: number;
}

export interface GraphSlice {
  readonly graphMode: GraphMode;
  readonly menu: GraphMenu | null;
  openMenu(elementId: string, x: number, y: number): void;
  closeMenu(): void;
  /** A click on a graph element, as the mode reads it. */
  clickElement(elementId: string): void;
  /** Any event of the graph's state machine (a key, a drawn link); the connect edit's outcome when it made one. */
  graphEvent(event: ModeEvent): Promise<EditOutcome | null>;
  /** edit(), then selects in the inspector the object the edit made (a new pod, a renamed Service). */
  editAndSelect(edits: readonly ScenarioEdit[], label: string): Promise<EditOutcome>;
}

/** A trace kept aside to compare the next run with. */
export interface PinnedRun {
  readonly trace: Trace;
  readonly steps: readonly Step[];
  /** What it was: the run, the kube-proxy mode, the change it came after. */
  readonly label: string;
}

export interface CompareSlice {
  readonly pinned: PinnedRun | null;
  /** Keeps the current trace aside. */
  pinTrace(): void;
  unpinTrace(): void;
}

export type AppState = CompareSlice & ScenarioSlice & EditSlice & MomentSlice & LibrarySlice & GraphSlice & SelectionSlice & TraceSlice & TablesSlice & ViewSlice & UiSlice & StudySlice & WorkSlice & TerminalSlice & PolicySlice & LessonSlice;

/** Where a lesson came from: podpath's own, a link, a file or paste, or the app's lesson editor. */
export type LessonOrigin = 'builtin' | 'shared' | 'file' | 'authored';

export interface LessonEntry {
  /** The lesson's name for built-ins, "~name" for the others (their progress is kept apart). */
  readonly key: string;
  readonly lesson: Lesson;
  readonly origin: LessonOrigin;
}

/** The open step's check: being asked of the trace, ready (or not askable, with the engine's reason), being judged. */
export interface CheckState {
  readonly status: 'none' | 'asking' | 'ready' | 'unavailable' | 'judging';
  readonly prepared: PreparedCheck | null;
  /** The last answer, and what the engine said of it. */
  readonly answer: LessonAnswer | null;
  readonly judgement: Judgement | null;
}

export type LessonView = 'closed' | 'index' | 'lesson' | 'author';

export interface LessonSlice {
  readonly lessonView: LessonView;
  /** Every lesson the page knows: the built-ins (once loaded) and those added. */
  readonly lessons: readonly LessonEntry[];
  /** Built-in lesson files that do not parse (a podpath bug, shown in the index). */
  readonly lessonProblems: readonly LessonFileError[];
  readonly lesson: LessonEntry | null;
  readonly lessonStep: number;
  /** The scenario the open lesson loaded last. */
  readonly lessonScenario: ScenarioRef | null;
  readonly lessonCheck: CheckState;
  readonly lessonProgress: LessonProgress;
  readonly lessonError: string | null;
  /** The lesson a teacher is writing in the editor. */
  readonly lessonDraft: LessonDraft;
  setLessonDraft(draft: LessonDraft): void;
  /** Opens the lesson index (loading the built-in lessons the first time). */
  showLessons(): Promise<void>;
  showAuthoring(): void;
  closeLessons(): void;
  /** Opens a lesson by key at a step (0-based); false when there is no such lesson or its scenario does not load. */
  openLesson(key: string, step?: number): Promise<boolean>;
  /** Reads a lesson's YAML and adds it to the library (replacing one with the same key). */
  addLesson(text: string, origin: Exclude<LessonOrigin, 'builtin'>): Promise<{ readonly ok: true; readonly key: string } | { readonly ok: false; readonly errors: readonly ScenarioError[] }>;
  goToLessonStep(index: number): Promise<boolean>;
  /** Makes the step's send or runs its command, as the learner would. */
  runLessonStep(): Promise<void>;
  /** Asks the engine for the step's check on the current trace. */
  askLessonCheck(): Promise<void>;
  answerLessonCheck(answer: LessonAnswer): Promise<Judgement | null>;
  /** Does what the step's solution says: edits the scenario and/or runs the send or command. */
  solveLessonStep(): Promise<void>;
}


export type SetState = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
export type GetState = () => AppState;
