// The two streams a command writes, in the order it writes them. A terminal shows stdout and
// stderr interleaved (curl -v puts its headers on stderr and the body on stdout between
// them), so a printer records each write as a chunk and the totals follow from the chunks.
import type { CommandOutput, OutputChunk } from '../results';

export interface Writer {
  /** Write to stdout (fd 1). */
  out(text: string): void;
  /** Write to stderr (fd 2). */
  err(text: string): void;
  /** The output so far, with this exit status. */
  done(exitCode: number): CommandOutput;
}

export function writer(): Writer {
  const chunks: OutputChunk[] = [];
  const push = (fd: 1 | 2, text: string) => {
    if (text === '') return;
    const last = chunks[chunks.length - 1];
    if (last && last.fd === fd) chunks[chunks.length - 1] = { fd, text: last.text + text };
    else chunks.push({ fd, text });
  };
  return {
    out: (text) => push(1, text),
    err: (text) => push(2, text),
    done: (exitCode) => ({
      stdout: chunks.filter((c) => c.fd === 1).map((c) => c.text).join(''),
      stderr: chunks.filter((c) => c.fd === 2).map((c) => c.text).join(''),
      exitCode,
      chunks,
    }),
  };
}
