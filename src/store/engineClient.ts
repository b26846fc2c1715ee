// The store's one door to the engine: typed, asynchronous calls, answered by a Web Worker
// (src/app/workerEngine.ts) or in-process (tests, and the fallback without workers). The
// client gives each request an id, keeps track of which compiled cluster and which send's
// state the page uses, and drops answers a newer request has made stale: a newer load
// supersedes older loads and everything asked of the old cluster, a newer send supersedes
// older sends and the tables of their state, a newer tables request the older ones. A
// superseded call resolves at once as 'superseded'. If the engine dies (a worker out of
// memory), pending calls fail with its message and the next call starts a new engine,
// compiling the working scenario again first.
import type {
  Addon, EditResult, ExecSpec, ImportResult, Inspected, Judgement, KindHandoutResult, LessonAnswer, ObjectRef, PolicyPanel, PreparedCheck, ReachProto, ScenarioEdit, SearchResult,
  SendSpec, TableText, Topology,
} from '../engine';
import type { CallName, EngineAnswer, EngineCalls, EngineRequest, Executed, LessonCheckArgs, LoadPhase, Loaded, Reached, Simulated } from './engineProtocol';

export type Answer<T> =
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'superseded' }
  | { readonly status: 'failed'; readonly error: string };

export interface EngineClient {
  /** Parses, compiles and draws a scenario; when it compiles, it becomes the cluster later calls use. */
  load(text: string, onPhase?: (phase: LoadPhase) => void): Promise<Answer<Loaded>>;
  /** A send through the current cluster; when it succeeds, its state is what tables() prints. */
  simulate(send: SendSpec): Promise<Answer<Simulated>>;
  /** A shell command in the state the last send or command left; when it succeeds, its state is what tables() prints. */
  exec(spec: ExecSpec): Promise<Answer<Executed>>;
  /** A namespace's tables in the state of the last successful send (before any: the initial state). */
  tables(netns: string): Promise<Answer<readonly TableText[]>>;
  /** What is inside some nodes of the current cluster (details never supersede each other: they add up). */
  details(nodes: readonly string[]): Promise<Answer<Topology>>;
  search(query: string, limit: number): Promise<Answer<SearchResult>>;
  /** The current cluster's NetworkPolicies (`text`: the scenario it was compiled from). */
  policies(text: string): Promise<Answer<PolicyPanel>>;
  /** The current cluster's reachability matrix, from empty tables. */
  reach(proto: ReachProto, port: number): Promise<Answer<Reached>>;
  /** Applies edits to a scenario text (the engine's one edit function; comments kept). */
  edit(text: string, edits: readonly ScenarioEdit[]): Promise<Answer<EditResult>>;
  /** An object's editable fields, for the inspector. */
  inspect(text: string, ref: ObjectRef): Promise<Answer<Inspected>>;
  /** kubectl's output as a scenario text and an import report. */
  importKubectl(texts: readonly string[]): Promise<Answer<ImportResult>>;
  /** The scenario as a kind config, manifests and commands. */
  kindHandout(text: string): Promise<Answer<KindHandoutResult>>;
  /** A lesson's check in the current cluster: asked of a trace, or an answer judged. */
  prepareCheck(args: Omit<LessonCheckArgs, 'cluster'>): Promise<Answer<PreparedCheck>>;
  judgeCheck(args: Omit<LessonCheckArgs, 'cluster'> & { readonly answer: LessonAnswer }): Promise<Answer<Judgement>>;
  /** The scenario text with an addon in spec.addons, comments kept. */
  addAddon(text: string, addon: Addon): Promise<Answer<string>>;
  dispose(): void;
}

/** Calls a newer call of the same kind makes stale. */
const SUPERSEDES_ITSELF: ReadonlySet<CallName> = new Set(['load', 'simulate', 'exec', 'tables', 'search', 'inspect']);

/** Calls about a scenario text, not about the compiled cluster: a new cluster leaves them be. */
const TEXT_CALLS: ReadonlySet<CallName> = new Set(['load', 'edit', 'inspect', 'importKubectl', 'kindHandout']);

/** How requests reach an engine and answers come back. */
export interface EngineTransport {
  post(req: EngineRequest): void;
  /** `crashed` is called once if the engine dies; the transport is unusable afterwards. */
  listen(answer: (a: EngineAnswer) => void, crashed: (message: string) => void): void;
  close(): void;
}

interface Pending {
  readonly call: CallName;
  /** The cluster (and state) the request is about, for the ones that are. */
  readonly cluster: number;
  readonly state: number;
  readonly resolve: (a: Answer<unknown>) => void;
  readonly phase?: (p: LoadPhase) => void;
  /** A load's scenario text. */
  readonly text?: string;
}


export function createEngineClient(connect: () => EngineTransport): EngineClient {
  let transport: EngineTransport | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** The cluster and send state the page uses (0: none yet / the initial state). */
  let cluster = 0;
  let state = 0;
  /** The text of the current cluster, compiled again if the engine has to be restarted. */
  let clusterText: string | null = null;

  const supersede = (keep: (p: Pending, id: number) => boolean) => {
    for (const [id, p] of pending) {
      if (keep(p, id)) continue;
      pending.delete(id);
      p.resolve({ status: 'superseded' });
    }
  };

  const retain = () => transport?.post({ id: 0, call: 'retain', cluster, state });

  function onAnswer(a: EngineAnswer) {
    const p = pending.get(a.id);
    if (!p) return;
    if (a.type === 'progress') { p.phase?.(a.phase); return; }
    pending.delete(a.id);
    if (a.type === 'failed') { p.resolve({ status: 'failed', error: a.error }); return; }
    if (a.call === 'load' && a.value.ok) {
      cluster = a.id;
      state = 0;
      clusterText = p.text ?? null;
      // What was asked of the old cluster is about a scenario the page no longer shows.
      supersede((q) => TEXT_CALLS.has(q.call) || q.cluster === cluster);
      retain();
    }
    if ((a.call === 'simulate' || a.call === 'exec') && a.value.ok) {
      state = a.id;
      supersede((q) => q.call !== 'tables' || q.state === state);
      retain();
    }
    p.resolve({ status: 'done', value: a.value });
  }

  function onCrash(message: string) {
    transport = null;
    const error = `the engine stopped: ${message}`;
    for (const p of pending.values()) p.resolve({ status: 'failed', error });
    pending.clear();
  }

  function ensureTransport(): EngineTransport {
    if (transport) return transport;
    const t = connect();
    transport = t;
    t.listen((a) => { if (transport === t) onAnswer(a); }, (m) => { if (transport === t) onCrash(m); });
    if (clusterText !== null) {
      // A new engine: compile the working scenario again, under a new id the next calls use.
      const id = nextId++;
      cluster = id;
      state = 0;
      t.post({ id, call: 'load', text: clusterText });
    }
    return t;
  }

  type About = Pick<Pending, 'cluster' | 'state' | 'phase' | 'text'>;

  function call<K extends CallName>(name: K, args: EngineCalls[K]['args'], about: About): Promise<Answer<EngineCalls[K]['result']>> {
    const t = ensureTransport();
    const id = nextId++;
    // The same kind of call, asked again, makes the older one stale.
    if (SUPERSEDES_ITSELF.has(name)) supersede((p) => p.call !== name);
    const answer = new Promise<Answer<EngineCalls[K]['result']>>((resolve) => {
      pending.set(id, { call: name, ...about, resolve: resolve as (a: Answer<unknown>) => void });
    });
    t.post({ id, call: name, ...args } as EngineRequest);
    return answer;
  }

  const current = () => {
    ensureTransport();
    return { cluster, state };
  };

  return {
    load: (text, onPhase) => call('load', { text }, { cluster: 0, state: 0, text, ...(onPhase ? { phase: onPhase } : {}) }),
    simulate: (send) => {
      const at = current();
      return call('simulate', { cluster: at.cluster, send }, at) as Promise<Answer<Simulated>>;
    },
    exec: (spec) => {
      const at = current();
      return call('exec', { cluster: at.cluster, state: at.state, exec: spec }, at) as Promise<Answer<Executed>>;
    },
    tables: (netns) => {
      const at = current();
      return call('tables', { cluster: at.cluster, state: at.state, netns }, at);
    },
    details: (nodes) => {
      const at = current();
      return call('details', { cluster: at.cluster, nodes }, at);
    },
    search: (query, limit) => {
      const at = current();
      return call('search', { cluster: at.cluster, query, limit }, at);
    },
    policies: (text) => {
      const at = current();
      return call('policies', { cluster: at.cluster, text }, at);
    },
    reach: (proto, port) => {
      const at = current();
      return call('reach', { cluster: at.cluster, proto, port }, at) as Promise<Answer<Reached>>;
    },
    edit: (text, edits) => call('edit', { text, edits }, { cluster: 0, state: 0 }),
    inspect: (text, ref) => call('inspect', { text, ref }, { cluster: 0, state: 0 }),
    importKubectl: (texts) => call('importKubectl', { texts }, { cluster: 0, state: 0 }),
    kindHandout: (text) => call('kindHandout', { text }, { cluster: 0, state: 0 }),
    prepareCheck: (args) => {
      const at = current();
      return call('prepareCheck', { ...args, cluster: at.cluster }, at);
    },
    judgeCheck: (args) => {
      const at = current();
      return call('judgeCheck', { ...args, cluster: at.cluster }, at);
    },
    addAddon: (text, addon) => call('addAddon', { text, addon }, { cluster: 0, state: 0 }),
    dispose() {
      transport?.close();
      transport = null;
      supersede(() => false);
    },
  };
}

/**
 * The in-process engine: the same host the worker runs, loaded on first use (so the page's
 * first bundle does not carry the engine) and answering asynchronously, in order, like a worker.
 */
export function inProcessTransport(): EngineTransport {
  const host = import('./engineHost').then((m) => m.createEngineHost());
  let deliver: ((a: EngineAnswer) => void) | null = null;
  let crash: ((m: string) => void) | null = null;
  let closed = false;
  return {
    post(req) {
      void host.then((h) => {
        if (closed) return;
        const out = h.handle(req, (phase) => deliver?.({ id: req.id, type: 'progress', phase }));
        if (out) deliver?.(out);
      }, (err: unknown) => crash?.(err instanceof Error ? err.message : String(err)));
    },
    listen(answer, crashed) { deliver = answer; crash = crashed; },
    close() { closed = true; },
  };
}

export const createInProcessEngine = (): EngineClient => createEngineClient(inProcessTransport);
