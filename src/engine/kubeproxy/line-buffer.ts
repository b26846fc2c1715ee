// kube-proxy's proxyutil.LineBuffer: Write() joins its words (strings or string lists) with
// single spaces into one line of iptables-restore input.

export type Words = string | readonly string[];

export class LineBuffer {
  private readonly lines: (readonly string[])[] = [];

  write(...words: readonly Words[]): void {
    const line: string[] = [];
    for (const w of words) {
      if (typeof w === 'string') line.push(w);
      else for (const x of w) line.push(x);
    }
    this.lines.push(line);
  }

  get length(): number {
    return this.lines.length;
  }

  /** Each line as its list of words. */
  wordLines(): readonly (readonly string[])[] {
    return this.lines;
  }

  /** The lines, each ending in a newline (LineBuffer.Bytes()). */
  text(): string {
    let out = '';
    for (const line of this.lines) out += `${line.join(' ')}\n`;
    return out;
  }
}
