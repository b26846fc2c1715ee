// kube-apiserver's --service-node-port-range, read the way the flag is read
// (k8s.io/apimachinery/pkg/util/net PortRange.Set): "min-max", "min+offset" or a single
// port, inclusive at both ends, surrounding spaces ignored. An empty value leaves the
// range unset, and the API server then uses its default, 30000-32767.

/** utilnet.PortRange: the ports base .. base+size-1. */
export interface PortRange {
  readonly base: number;
  readonly size: number;
}

export const DEFAULT_NODE_PORT_RANGE: PortRange = { base: 30000, size: 2768 };

export type PortRangeResult = { readonly ok: true; readonly range: PortRange } | { readonly ok: false; readonly message: string };

class ParseError extends Error {}

/** strconv.Atoi: an optional sign and decimal digits, nothing else. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new ParseError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

function bounds(value: string): [number, number] {
  const hyphen = value.indexOf('-');
  const plus = value.indexOf('+');
  if (hyphen === -1 && plus === -1) return [atoi(value), atoi(value)];
  if (plus === -1) return [atoi(value.slice(0, hyphen)), atoi(value.slice(hyphen + 1))];
  if (hyphen === -1) {
    const low = atoi(value.slice(0, plus));
    return [low, low + atoi(value.slice(plus + 1))];
  }
  throw new ParseError(`unable to parse port range: ${value}`);
}

export function parsePortRange(text: string): PortRangeResult {
  const value = text.trim();
  if (value === '') return { ok: true, range: DEFAULT_NODE_PORT_RANGE };
  let low: number, high: number;
  try {
    [low, high] = bounds(value);
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: e.message };
    throw e;
  }
  if (low > 65535 || high > 65535) return { ok: false, message: `the port range cannot be greater than 65535: ${value}` };
  if (high < low) return { ok: false, message: `end port cannot be less than start port: ${value}` };
  return { ok: true, range: { base: low, size: 1 + high - low } };
}

/** PortRange.String: "30000-32767". */
export function portRangeText(r: PortRange): string {
  return `${r.base}-${r.base + r.size - 1}`;
}

export function portRangeContains(r: PortRange, port: number): boolean {
  return port >= r.base && port < r.base + r.size;
}
