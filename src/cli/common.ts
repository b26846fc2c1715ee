// Shared by the command-line tools: read a scenario file, compile it, and report problems
// the way the app does (document, field, line), exiting with status 2. Nothing reaches the
// user as a stack trace: runCli() turns anything thrown into one located line.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { compile, formatScenarioError, parseScenario, SEED_MAX, type Cluster } from '../engine';

class CliExit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  throw new CliExit(2);
}

/** Runs a command: its own failures exit 2 with their message; anything unexpected, too, as one line naming the bug. */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (e) {
    if (e instanceof CliExit) process.exit(e.status);
    process.stderr.write(`podpath failed: ${e instanceof Error ? e.message : String(e)}. This is a bug in podpath, not in the scenario.\n`);
    process.exit(2);
  }
}

export function loadCluster(file: string | undefined): Cluster {
  if (!file) fail('give a scenario file (multi-document Kubernetes YAML)');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) fail(parsed.errors.map((e) => `${file}: ${formatScenarioError(e)}`).join('\n'));
  for (const w of parsed.scenario.warnings) process.stderr.write(`${file}: warning: ${formatScenarioError(w)}\n`);
  const compiled = compile(parsed.scenario);
  if (!compiled.ok) fail(compiled.errors.map((e) => `${file}: ${formatScenarioError(e)}`).join('\n'));
  return compiled.cluster;
}

export function intOption(value: string | undefined, name: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number, not "${value}"`);
  const n = Number(value);
  if (n > max) fail(`--${name} must be at most ${max}, not ${value}`);
  return n;
}

/** --seed: the range of the Podpath document's spec.seed, 0 to 2^31-1. */
export const seedOption = (value: string | undefined) => intOption(value, 'seed', SEED_MAX);

export function protoOption(value: string | undefined): 'tcp' | 'udp' | 'sctp' | 'icmp' {
  const v = (value ?? 'tcp').toLowerCase();
  if (v !== 'tcp' && v !== 'udp' && v !== 'sctp' && v !== 'icmp') fail(`--proto must be tcp, udp, sctp or icmp, not "${value}"`);
  return v;
}

/** The options that describe a send, shared by trace and tables. */
export const SEND_OPTIONS = {
  from: { type: 'string' }, to: { type: 'string' }, container: { type: 'string' }, port: { type: 'string' }, proto: { type: 'string' },
  size: { type: 'string' }, df: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** --size N (the packet's IP total length) and --df (forbid fragmentation), as a send takes them. */
export function sizeOptions(args: CliArgs): { size?: number; df?: boolean } {
  const size = intOption(args.str('size'), 'size', 65535);
  if (args.flag('df') && size === undefined) fail('--df needs --size N: it asks that a packet of that size not be fragmented');
  return { ...(size !== undefined ? { size } : {}), ...(args.flag('df') ? { df: true } : {}) };
}

export interface CliArgs {
  readonly positionals: readonly string[];
  /** A string option's value (undefined when absent). */
  str(name: string): string | undefined;
  /** Whether a boolean option was given. */
  flag(name: string): boolean;
}

/** node:util parseArgs with positionals and -h/--help; a bad option prints the usage and exits 2. */
export function parseCli(options: NonNullable<ParseArgsConfig['options']>, usage: string): CliArgs {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } }) as typeof parsed;
  } catch (e) {
    fail(`${(e as Error).message}\n${usage}`);
  }
  if (parsed.values.help === true) {
    process.stdout.write(`${usage}\n`);
    throw new CliExit(0);
  }
  const v = parsed.values;
  return {
    positionals: parsed.positionals,
    str: (name) => (typeof v[name] === 'string' ? (v[name] as string) : undefined),
    flag: (name) => v[name] === true,
  };
}
