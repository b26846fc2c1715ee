// The values inside iptables options, read the way libxtables reads them: unsigned numbers
// (decimal or 0x hex), `value[/mask]` marks and `lo[:hi]` port ranges.

export class RuleParseError extends Error {}

export function parseUint(text: string, what: string): number {
  const n = Number(text);
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(text) || !Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new RuleParseError(`invalid ${what} "${text}"`);
  }
  return n;
}

/** `value[/mask]`, mask defaulting to 0xffffffff. */
export function parseMarkMask(text: string): { value: number; mask: number } {
  const slash = text.indexOf('/');
  if (slash < 0) return { value: parseUint(text, 'mark'), mask: 0xffffffff };
  return { value: parseUint(text.slice(0, slash), 'mark'), mask: parseUint(text.slice(slash + 1), 'mask') };
}

export function parsePortRange(text: string): [number, number] {
  const colon = text.indexOf(':');
  const lo = colon < 0 ? text : text.slice(0, colon);
  const hi = colon < 0 ? text : text.slice(colon + 1);
  const a = lo === '' ? 0 : parseUint(lo, 'port');
  const b = hi === '' ? 65535 : parseUint(hi, 'port');
  if (a > 65535 || b > 65535) throw new RuleParseError(`invalid port "${text}"`);
  return [a, b];
}

