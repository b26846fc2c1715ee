// IPv4 address and CIDR helpers over ipaddr.js. The engine keeps addresses as dotted
// strings (what every real tool prints) and converts to 32-bit numbers for lookups.
import ipaddr from 'ipaddr.js';

export interface Cidr {
  /** The network address as a number (host bits cleared). */
  readonly net: number;
  readonly prefix: number;
}

const DOTTED = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * A dotted quad of four decimal octets without leading zeros: what ipaddr.js's
 * isValidFourPartDecimal accepts, tested without its parse (which throws, slowly, on a name).
 */
export function isIPv4(text: string): boolean {
  return DOTTED.test(text);
}

/** A dotted quad exactly as DOTTED reads it (four octets 0-255, no leading zeros) as a number; -1 for anything else. */
function dottedValue(ip: string): number {
  let v = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  let lead = false;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      v = v * 256 + octet;
      octet = 0;
      digits = 0;
      lead = false;
      dots++;
    } else if (c >= 48 && c <= 57) {
      // A 0 is an octet only on its own.
      if (lead || digits === 3) return -1;
      if (digits === 0 && c === 48) lead = true;
      octet = octet * 10 + (c - 48);
      digits++;
      if (octet > 255) return -1;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return v * 256 + octet;
}

export function ipToInt(ip: string): number {
  // The plain dotted quad every address podpath makes is read directly; other forms ipaddr.js accepts go through it.
  const v = dottedValue(ip);
  if (v >= 0) return v;
  const b = ipaddr.IPv4.parse(ip).octets;
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

export function intToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** CIDRs already read (the walk reads the same route and ipset entries for every packet); bounded. */
const cidrs = new Map<string, Cidr>();

/** Parses "a.b.c.d/n" (or a bare address as /32); host bits are cleared. Throws on bad input. */
export function parseCidr(text: string): Cidr {
  const known = cidrs.get(text);
  if (known) return known;
  const [addr, len] = text.includes('/') ? ipaddr.IPv4.parseCIDR(text) : [ipaddr.IPv4.parse(text), 32];
  const c: Cidr = { net: (ipToInt(addr.toString()) & maskOf(len)) >>> 0, prefix: len };
  if (cidrs.size >= 50_000) cidrs.clear();
  cidrs.set(text, c);
  return c;
}

export function isValidCidr(text: string): boolean {
  try {
    if (!text.includes('/')) return false;
    ipaddr.IPv4.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
}

export function cidrText(c: Cidr): string {
  return `${intToIp(c.net)}/${c.prefix}`;
}

export function cidrContains(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.prefix)) >>> 0) === c.net;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix);
  const m = maskOf(p);
  return ((a.net & m) >>> 0) === ((b.net & m) >>> 0);
}

/** The n-th address of a CIDR (0 is the network address). */
export function nthAddress(c: Cidr, n: number): string {
  return intToIp((c.net + n) >>> 0);
}

export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

/** Splits a CIDR into consecutive subnets of `prefix`, returning the i-th one. */
export function nthSubnet(c: Cidr, prefix: number, i: number): Cidr {
  return { net: (c.net + i * 2 ** (32 - prefix)) >>> 0, prefix };
}
