// The shape of the app's state: one zustand store made of slices. The store holds what the
// user owns (scenario text, selection, settings) and what the engine returned (cluster,
// topology, trace); it never computes networking itself.
import type { Cluster, DynState, ProxyMode, Scenario, ScenarioError, TableId, Topology, Trace } from '../engine';
import type { Endpoint, Proto } from './endpoints';
import type { Step } from './steps';
import type { StudySlice } from './study';

export type ApplyResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

export interface ScenarioSlice {
  /** The text of the working scenario (the last one that parsed and compiled). */
  readonly text: string;
  /** What the editor holds; may be broken. */
  readonly draft: string;
  readonly scenario: Scenario | null;
  readonly cluster: Cluster | null;
  readonly topo: Topology;
  /** Problems of the last apply that failed; empty once one succeeds. */
  readonly errors: readonly ScenarioError[];
  /** kube-proxy's mode in the working scenario; null without one. */
  readonly proxyMode: ProxyMode | null;
  setDraft(text: string): void;
  /** Puts the working scenario's text back in the editor and forgets the errors. */
  discardDraft(): void;
  /** Parses and compiles the draft; on failure the working scenario stays as it was. */
  applyDraft(): ApplyResult;
  /** Replaces draft and scenario at once (the page API, a shared link). */
  loadScenario(text: string): ApplyResult;
  /** Rewrites the scenario's kubeProxyMode (comments kept), recompiles, and sends the last send again. */
  switchProxyMode(mode: ProxyMode): ApplyResult;
}

export interface SelectionSlice {
  readonly source: Endpoint | null;
  readonly destination: Endpoint | null;
  readonly proto: Proto;
  /** Destination port; ignored for ICMP. */
  readonly port: number | null;
  /** A click on a graph element: source first, then destination, then start over. */
  pick(elementId: string): void;
  swap(): void;
  clearSelection(): void;
  setProto(proto: Proto): void;
  setPort(port: number | null): void;
}

export interface SendRequest {
  readonly from: string;
  readonly to: string;
  readonly container?: string;
  readonly port?: number;
  readonly proto?: Proto;
}

export type SendOutcome = { readonly ok: true; readonly trace: Trace } | { readonly ok: false; readonly error: string };

export interface TraceSlice {
  readonly trace: Trace | null;
  /** The tables after the last send: ARP caches, bridge FDBs, conntrack entries. */
  readonly netState: DynState;
  readonly steps: readonly Step[];
  /** Index into steps of the selected hop. */
  readonly position: number;
  readonly sendError: string | null;
  /** Sends what the selection describes. */
  send(): SendOutcome;
  /** Sends an explicit request and makes it the selection (the page API). */
  sendRequest(req: SendRequest): SendOutcome;
  /**
   * Sends the selection again (after a scenario change), paused at the hop where the
   * destination was first rewritten, so two runs are easy to compare; null when nothing to send.
   */
  resend(): SendOutcome | null;
  selectStep(index: number): void;
  stepForward(): void;
  stepBack(): void;
  /** One tick of the player: forward, stopping at the end. */
  tick(): void;
}

export type Speed = 0.5 | 1 | 2 | 4;
export const SPEEDS: readonly Speed[] = [0.5, 1, 2, 4];
export type Panel = 'trace' | 'tables' | 'rules' | 'scenario';

/** A namespace or table the learner chose in the tables panel; it holds while the hop stays selected. */
export interface TablesPin {
  readonly position: number;
  readonly netns?: string;
  readonly table?: TableId;
}

export interface UiSlice {
  readonly playing: boolean;
  readonly speed: Speed;
  readonly panel: Panel;
  readonly tablesPin: TablesPin | null;
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  setPanel(panel: Panel): void;
  pinTables(pin: TablesPin): void;
}

export type AppState = ScenarioSlice & SelectionSlice & TraceSlice & UiSlice & StudySlice;

export type SetState = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
export type GetState = () => AppState;
