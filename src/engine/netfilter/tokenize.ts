// Splits one iptables-restore line into words the way iptables-restore does: whitespace
// separates words, double quotes group a word (and may contain `\"` and `\\`). A quoted word is
// returned with its quotes so the parser can remember that it was quoted; `unquote` strips them.

export function tokenize(line: string): string[] {
  if (line.indexOf('"') < 0) {
    if (line.indexOf('  ') < 0 && line.indexOf('\t') < 0 && line.charAt(0) !== ' ' && line.charAt(line.length - 1) !== ' ') return line.split(' ');
    return line.split(/\s+/).filter((w) => w !== '');
  }
  const words: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    let c = line.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      c = line.charCodeAt(i);
      if (c === 34) {
        i++;
        while (i < n && line.charCodeAt(i) !== 34) i += line.charCodeAt(i) === 92 ? 2 : 1;
        if (i >= n) throw new Error('unterminated quoted string');
        i++;
        continue;
      }
      if (c === 32 || c === 9) break;
      i++;
    }
    words.push(line.slice(start, i));
  }
  return words;
}

export function isQuoted(word: string): boolean {
  return word.length >= 2 && word.charAt(0) === '"' && word.charAt(word.length - 1) === '"';
}

/** Strips surrounding double quotes and undoes `\"` and `\\` escapes. */
export function unquote(word: string): string {
  if (!isQuoted(word)) return word;
  return word.slice(1, -1).replace(/\\(["\\])/g, '$1');
}

/** Quotes a word for the restore form when it has to be (whitespace, quotes, or empty). */
export function quoteIfNeeded(value: string, alreadyQuoted: boolean): string {
  if (!alreadyQuoted && value.length > 0 && !/[\s"\\]/.test(value)) return value;
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}
