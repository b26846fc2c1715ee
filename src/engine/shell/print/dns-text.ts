// BIND 9's master-file text for DNS records, as dig prints its sections: lib/dns/masterdump.c
// at v9.18.39. dig's style (bin/dig/dig.c printmessage: dns_master_stylecreate(..., 24, 32,
// 40, 48, 80, 8, ...)) puts the TTL at column 24, the class at 32, the type at 40 and the data
// at 48, with 8-column tabs. indent() reaches a column with tabs then spaces, and always moves
// at least one column, so a long owner name is followed by a single space or tab.
// The question line is ";" + name, class and type (question_totext; the ";" is not counted).

/** One resource record as presentation text. `data` is the rdata as dig shows it. */
export interface DnsRecordText {
  readonly name: string;
  readonly ttl: number;
  readonly type: string;
  readonly data: string;
}

const TAB = 8;

/** masterdump.c indent(): the whitespace from column `from` to column `to`. */
function indent(from: number, to: number): { text: string; column: number } {
  const target = Math.max(to, from + 1);
  const ntabs = Math.floor(target / TAB) - Math.floor(from / TAB);
  let col = from;
  let text = '';
  if (ntabs > 0) {
    text += '\t'.repeat(ntabs);
    col = Math.floor(target / TAB) * TAB;
  }
  text += ' '.repeat(target - col);
  return { text, column: target };
}

/** An owner name as dig prints it: absolute, with its final dot. */
export function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** Fields placed at their columns, the first at column 0. */
function columns(fields: readonly [string, number][]): string {
  let out = '';
  let col = 0;
  for (const [i, [text, at]] of fields.entries()) {
    if (i > 0) {
      const gap = indent(col, at);
      out += gap.text;
      col = gap.column;
    }
    out += text;
    col += text.length;
  }
  return out;
}

export function recordLine(r: DnsRecordText): string {
  return `${columns([[absolute(r.name), 0], [String(r.ttl), 24], ['IN', 32], [r.type, 40], [r.data, 48]])}\n`;
}

export function questionLine(name: string, type: string): string {
  return `;${columns([[absolute(name), 0], ['IN', 32], [type, 40]])}\n`;
}
