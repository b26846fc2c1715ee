// window.podpath: the page's programmatic door, for tests and for pages that embed podpath.
// loadScenario(yaml), send({ from, to, port, proto, container, size, df }), exec(from, commandLine),
// trace() and link() drive the same store the UI shows (exec types into that machine's shell). The engine runs in a Web Worker, so every method returns a Promise
// (version 2; version 1 answered at once). Everything going in is checked; everything coming
// out is a plain copy.
import type { Trace } from '../engine';
import { encodeLink } from '../share';
import { terminalText, type AppStore, type ApplyResult, type SendOutcome, type SendRequest } from '../store';
import { linkStateOf } from './session/records';

export interface PodpathApi {
  /** 2: traces are conversations (exchanges of legs of hops), and every call is asynchronous (the engine runs in a Web Worker); see the README. */
  readonly version: 2;
  loadScenario(yaml: string): Promise<ApplyResult>;
  send(request: SendRequest): Promise<SendOutcome>;
  /** Runs a command line in the shell of `from` (POD or NS/POD, node:NAME, external:IP): what it printed, and its conversation. */
  exec(from: string, commandLine: string, container?: string): Promise<ExecAnswer>;
  /** The current trace as plain JSON, or null before the first send (after any call still running). */
  trace(): Promise<Trace | null>;
  /** The share link of the page as it is: scenario, seed, run, selected hop and open panel. */
  link(): Promise<string>;
}

/** What exec() gives back: the output as the terminal shows it, its two streams and exit code, and the trace (null when the command only read state). */
export type ExecAnswer =
  | { readonly ok: true; readonly output: string; readonly stdout: string; readonly stderr: string; readonly exitCode: number; readonly trace: Trace | null }
  | { readonly ok: false; readonly error: string };

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
  if (r.port !== undefined && (typeof r.port !== 'number' || !Number.isInteger(r.port) || r.port < 1 || r.port > 65535)) return '"port" must be a whole number from 1 to 65535';
  if (r.proto !== undefined && r.proto !== 'tcp' && r.proto !== 'udp' && r.proto !== 'sctp' && r.proto !== 'icmp') return '"proto" must be "tcp", "udp", "sctp" or "icmp"';
  if (r.container !== undefined && typeof r.container !== 'string') return '"container" must be a string';
  if (r.size !== undefined && (typeof r.size !== 'number' || !Number.isInteger(r.size) || r.size < 28 || r.size > 65535)) return '"size" (the IP total length) must be a whole number from 28 to 65535';
  if (r.df !== undefined && typeof r.df !== 'boolean') return '"df" must be true or false';
  return {
    from: r.from, to: r.to,
    ...(r.port !== undefined ? { port: r.port as number } : {}),
    ...(r.proto !== undefined ? { proto: r.proto as SendRequest['proto'] } : {}),
    ...(r.container !== undefined ? { container: r.container as string } : {}),
    ...(r.size !== undefined ? { size: r.size as number } : {}),
    ...(r.df !== undefined ? { df: r.df as boolean } : {}),
  };
}

/** What a bug inside the page would have thrown at a script, as the API's own kind of answer. */
const failure = (e: unknown) => `podpath failed: ${e instanceof Error ? e.message : String(e)}. This is a bug in podpath; nothing was changed.`;

/** `linkTo` turns a fragment into a full address (share/location.ts in the page). */
export function createPodpathApi(store: AppStore, linkTo: (fragment: string) => string = (f) => `#${f}`): PodpathApi {
  return {
    version: 2,
    loadScenario: async (yaml) => {
      if (typeof yaml !== 'string') return { ok: false, errors: [{ doc: 0, line: 0, message: 'loadScenario() takes the YAML text as a string' }] };
      try {
        return copy(await store.getState().loadScenario(yaml));
      } catch (e) {
        return { ok: false, errors: [{ doc: 0, line: 0, message: failure(e) }] };
      }
    },
    send: async (request) => {
      const req = checkRequest(request);
      if (typeof req === 'string') return { ok: false, error: req };
      try {
        // A send right after the page opened waits for the scenario it is about.
        await store.getState().idle();
        return copy(await store.getState().sendRequest(req));
      } catch (e) {
        return { ok: false, error: failure(e) };
      }
    },
    exec: async (from, commandLine, container) => {
      if (typeof from !== 'string' || typeof commandLine !== 'string') return { ok: false, error: 'exec() takes the machine and the command line as strings: exec("default/web", "curl http://api/")' };
      if (container !== undefined && typeof container !== 'string') return { ok: false, error: '"container" must be a string' };
      await store.getState().idle();
      const out = await store.getState().runShellCommand(commandLine, from, container);
      if (!out.ok) return { ok: false, error: out.error };
      const { stdout, stderr, exitCode } = out.output;
      return copy({ ok: true as const, output: terminalText(out.output), stdout, stderr, exitCode, trace: out.trace });
    },
    trace: async () => {
      await store.getState().idle();
      return copy(store.getState().trace);
    },
    link: async () => {
      await store.getState().idle();
      return linkTo(encodeLink(linkStateOf(store.getState().moment())));
    },
  };
}

/** Installs the API on the window; returns what removes it again. */
export function installPodpathApi(target: Window, store: AppStore, linkTo?: (fragment: string) => string): () => void {
  const api = createPodpathApi(store, linkTo);
  target.podpath = api;
  return () => {
    if (target.podpath === api) delete target.podpath;
  };
}
