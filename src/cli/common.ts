// Shared by the command-line tools: read a scenario file, compile it, and report problems
// the way the app does (document, field, line), exiting with status 2.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { compile, formatScenarioError, parseScenario, type Cluster } from '../engine';

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
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

export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

export function protoOption(value: string | undefined): 'tcp' | 'udp' | 'icmp' {
  const v = (value ?? 'tcp').toLowerCase();
  if (v !== 'tcp' && v !== 'udp' && v !== 'icmp') fail(`--proto must be tcp, udp or icmp, not "${value}"`);
  return v;
}

/** The options that describe a send, shared by trace and tables. */
export const SEND_OPTIONS = {
  from: { type: 'string' }, to: { type: 'string' }, container: { type: 'string' }, port: { type: 'string' }, proto: { type: 'string' },
  size: { type: 'string' }, df: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** --size N (the packet's IP total length) and --df (forbid fragmentation), as a send takes them. */
export function sizeOptions(args: CliArgs): { size?: number; df?: boolean } {
  const size = intOption(args.str('size'), 'size');
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
    process.exit(0);
  }
  const v = parsed.values;
  return {
    positionals: parsed.positionals,
    str: (name) => (typeof v[name] === 'string' ? (v[name] as string) : undefined),
    flag: (name) => v[name] === true,
  };
}
