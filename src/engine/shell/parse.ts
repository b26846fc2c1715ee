// The command line as a POSIX shell splits it into words (quotes, escapes), by shell-quote.
// podpath's shell runs one command at a time: pipes, redirections, `&&`, `;` and globs are
// refused with a message, and variables are left as written (the shell has no environment).
import { parse } from 'shell-quote';

export type Words = { readonly ok: true; readonly argv: readonly string[] } | { readonly ok: false; readonly error: string };

export function splitWords(line: string): Words {
  let entries: ReturnType<typeof parse>;
  try {
    entries = parse(line, (key: string) => `$${key}`);
  } catch (e) {
    return { ok: false, error: `cannot read the command line: ${(e as Error).message}` };
  }
  const argv: string[] = [];
  for (const e of entries) {
    if (typeof e === 'string') { argv.push(e); continue; }
    if ('op' in e && e.op === 'glob') { argv.push(e.pattern); continue; }
    if ('comment' in e) break;
    return { ok: false, error: `podpath's shell runs one command at a time: "${'op' in e ? e.op : '?'}" (pipes, redirections, && and ;) is not modelled` };
  }
  return { ok: true, argv };
}

/** getopt-style reading: short flags may be grouped (-sSv), options take a value attached or next (-m5, -m 5, --max-time=5). */
export interface OptionSpec {
  /** Flags without a value, short letters and long names. */
  readonly flags: readonly string[];
  /** Options with a value. */
  readonly values: readonly string[];
  /** Long name -> short letter. */
  readonly aliases?: Readonly<Record<string, string>>;
}

export type Parsed =
  | { readonly ok: true; readonly flags: ReadonlySet<string>; readonly values: ReadonlyMap<string, readonly string[]>; readonly rest: readonly string[] }
  | { readonly ok: false; readonly bad: string };

export function getopt(args: readonly string[], spec: OptionSpec): Parsed {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const rest: string[] = [];
  const canon = (name: string) => spec.aliases?.[name] ?? name;
  const put = (k: string, v: string) => values.set(k, [...(values.get(k) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { rest.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const k = canon(name);
      if (spec.flags.includes(k) || spec.flags.includes(name)) { flags.add(k); continue; }
      if (spec.values.includes(k) || spec.values.includes(name)) {
        const v = inline ?? args[++i];
        if (v === undefined) return { ok: false, bad: a };
        put(k, v);
        continue;
      }
      return { ok: false, bad: a };
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (spec.flags.includes(c)) { flags.add(c); continue; }
        if (spec.values.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return { ok: false, bad: `-${c}` };
          put(c, v);
          break;
        }
        return { ok: false, bad: `-${c}` };
      }
      continue;
    }
    rest.push(a);
  }
  return { ok: true, flags, values, rest };
}
