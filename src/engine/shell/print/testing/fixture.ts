// Test support: a golden fixture holds a real tool's output, with a header saying where it
// comes from. Lines starting with '#' before the first section are the header. A section
// starts with "==== stdout", "==== stderr", "==== terminal" (both streams interleaved, as a
// terminal or `2>&1` shows them) or "==== exit N", and runs to the next section line. A
// section whose last line is "<no newline at end>" ends without a newline.
import type { CommandOutput } from '../../results';

export interface Fixture {
  readonly header: string;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly terminal?: string;
  readonly exit?: number;
}

const NO_NEWLINE = '<no newline at end>\n';

export function parseFixture(text: string): Fixture {
  const lines = text.split(/(?<=\n)/);
  const header: string[] = [];
  const sections: Record<string, string> = {};
  let exit: number | undefined;
  let current: string | undefined;
  for (const line of lines) {
    const m = /^==== (stdout|stderr|terminal|exit (-?\d+))\n$/.exec(line);
    if (m) {
      if (m[2] !== undefined) { exit = Number(m[2]); current = undefined; }
      else { current = m[1]!; sections[current] = ''; }
      continue;
    }
    if (current === undefined) {
      if (exit === undefined && line.startsWith('#')) header.push(line);
      else if (line.trim() !== '') throw new Error(`fixture: text outside a section: ${line}`);
      continue;
    }
    sections[current] += line;
  }
  const clean = (s: string | undefined) => s === undefined ? undefined
    : s.endsWith(`\n${NO_NEWLINE}`) ? s.slice(0, -NO_NEWLINE.length - 1) : s === NO_NEWLINE ? '' : s;
  return {
    header: header.join(''),
    ...(sections.stdout !== undefined ? { stdout: clean(sections.stdout)! } : {}),
    ...(sections.stderr !== undefined ? { stderr: clean(sections.stderr)! } : {}),
    ...(sections.terminal !== undefined ? { terminal: clean(sections.terminal)! } : {}),
    ...(exit !== undefined ? { exit } : {}),
  };
}

/** The interleaved text a terminal shows for an output. */
export function terminalText(o: CommandOutput): string {
  return (o.chunks ?? [{ fd: 1, text: o.stdout }, { fd: 2, text: o.stderr }]).map((c) => c.text).join('');
}

/** The parts of an output a fixture pins, in the fixture's shape, for one toEqual. */
export function asFixture(o: CommandOutput, f: Fixture, norm: (s: string) => string = (s) => s): Omit<Fixture, 'header'> {
  return {
    ...(f.stdout !== undefined ? { stdout: norm(o.stdout) } : {}),
    ...(f.stderr !== undefined ? { stderr: norm(o.stderr) } : {}),
    ...(f.terminal !== undefined ? { terminal: norm(terminalText(o)) } : {}),
    ...(f.exit !== undefined ? { exit: o.exitCode } : {}),
  };
}

export function body(f: Fixture): Omit<Fixture, 'header'> {
  const { header: _header, ...rest } = f;
  return rest;
}

/** Tabs expanded to 8-column stops, as a page that published a capture shows them. */
export function expandTabs(s: string): string {
  return s.split('\n').map((line) => {
    let out = '';
    for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
    return out;
  }).join('\n');
}
