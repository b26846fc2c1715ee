// window.podpath: the page's programmatic door, for tests and for pages that embed podpath.
// loadScenario(yaml), send({ from, to, port, proto, container }) and trace() drive the same
// store the UI shows. Everything going in is checked; everything coming out is a plain copy.
import type { Trace } from '../engine';
import type { AppStore, ApplyResult, SendOutcome, SendRequest } from '../store';

export interface PodpathApi {
  /** 2: traces are conversations (exchanges of legs of hops); see the README. */
  readonly version: 2;
  loadScenario(yaml: string): ApplyResult;
  send(request: SendRequest): SendOutcome;
  /** The current trace as plain JSON, or null before the first send. */
  trace(): Trace | null;
}

declare global {
  interface Window {
    podpath?: PodpathApi;
  }
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function checkRequest(req: unknown): SendRequest | string {
  if (typeof req !== 'object' || req === null) return 'send() takes an object: { from, to, port, proto }';
  const r = req as Record<string, unknown>;
  if (typeof r.from !== 'string' || typeof r.to !== 'string') return 'send() needs "from" and "to" as strings, e.g. "default/web"';
  if (r.port !== undefined && typeof r.port !== 'number') return '"port" must be a number';
  if (r.proto !== undefined && r.proto !== 'tcp' && r.proto !== 'udp' && r.proto !== 'sctp' && r.proto !== 'icmp') return '"proto" must be "tcp", "udp", "sctp" or "icmp"';
  if (r.container !== undefined && typeof r.container !== 'string') return '"container" must be a string';
  return {
    from: r.from, to: r.to,
    ...(r.port !== undefined ? { port: r.port as number } : {}),
    ...(r.proto !== undefined ? { proto: r.proto as SendRequest['proto'] } : {}),
    ...(r.container !== undefined ? { container: r.container as string } : {}),
  };
}

export function createPodpathApi(store: AppStore): PodpathApi {
  return {
    version: 2,
    loadScenario: (yaml) => {
      if (typeof yaml !== 'string') return { ok: false, errors: [{ doc: 0, line: 0, message: 'loadScenario() takes the YAML text as a string' }] };
      return copy(store.getState().loadScenario(yaml));
    },
    send: (request) => {
      const req = checkRequest(request);
      if (typeof req === 'string') return { ok: false, error: req };
      return copy(store.getState().sendRequest(req));
    },
    trace: () => copy(store.getState().trace),
  };
}

/** Installs the API on the window; returns what removes it again. */
export function installPodpathApi(target: Window, store: AppStore): () => void {
  const api = createPodpathApi(store);
  target.podpath = api;
  return () => {
    if (target.podpath === api) delete target.podpath;
  };
}
