// Addresses as the kernel's ip_tables / ip6_tables compare them: an address is a list of
// 32-bit words (one for IPv4, four for IPv6) and a `-s`/`-d` match is (addr & mask) == net.
// Parsing and printing lean on ipaddr.js; the packet-time comparisons are plain word math.
import ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;

/** An address as 32-bit unsigned words: [v4] or [w0, w1, w2, w3]. */
export type IpWords = readonly number[];

export interface IpNet {
  readonly family: IpFamily;
  /** The network address, already masked (the kernel stores addr & mask). */
  readonly net: IpWords;
  readonly mask: IpWords;
  readonly prefix: number;
}

/** Parses a literal IPv4 or IPv6 address into words; null when it is not one. */
export function parseIpWords(text: string): IpWords | null {
  if (text.indexOf(':') < 0) {
    const v = parseIpv4(text, 0, text.length);
    return v < 0 ? null : [v];
  }
  if (!ipaddr.IPv6.isValid(text)) return null;
  const parts = ipaddr.IPv6.parse(text).parts;
  const words: number[] = [];
  for (let i = 0; i < 8; i += 2) words.push(((parts[i] ?? 0) * 0x10000 + (parts[i + 1] ?? 0)) >>> 0);
  return words;
}

/** Dotted-quad text[start, end) as an unsigned number, or -1. */
function parseIpv4(text: string, start: number, end: number): number {
  let v = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || octet > 255) return -1;
      v = v * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + (c - 48);
      digits++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || octet > 255) return -1;
  return v * 256 + octet;
}

export function familyOf(text: string): IpFamily {
  return text.indexOf(':') >= 0 ? 6 : 4;
}

const V4_MASKS: readonly IpWords[] = Array.from({ length: 33 }, (_, p) => [p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0]);

function prefixMask(family: IpFamily, prefix: number): IpWords {
  if (family === 4) return V4_MASKS[prefix] as IpWords;
  const n = 4;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const bits = Math.max(0, Math.min(32, prefix - 32 * i));
    out.push(bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);
  }
  return out;
}

/** Parses `addr`, `addr/len` or `addr/dotted-mask` the way iptables does; throws on junk. */
export function parseIpNet(text: string): IpNet {
  const slash = text.indexOf('/');
  if (slash < 0 && text.indexOf(':') < 0) {
    const v = parseIpv4(text, 0, text.length);
    if (v < 0) throw new Error(`invalid address "${text}"`);
    return { family: 4, net: [v], mask: V4_MASKS[32] as IpWords, prefix: 32 };
  }
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const words = parseIpWords(addrText);
  if (words === null) throw new Error(`invalid address "${text}"`);
  const family: IpFamily = words.length === 1 ? 4 : 6;
  const max = family === 4 ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const m = text.slice(slash + 1);
    if (/^\d+$/.test(m)) prefix = Number(m);
    else {
      const maskWords = family === 4 ? parseIpWords(m) : null;
      const len = maskWords ? ipaddr.IPv4.parse(m).prefixLengthFromSubnetMask() : null;
      if (len === null) throw new Error(`invalid mask in "${text}"`);
      prefix = len;
    }
    if (prefix > max) throw new Error(`invalid prefix length in "${text}"`);
  }
  const mask = prefixMask(family, prefix);
  return { family, net: words.map((w, i) => (w & (mask[i] ?? 0)) >>> 0), mask, prefix };
}

export function ipNetContains(net: IpNet, addr: IpWords): boolean {
  if (addr.length !== net.net.length) return false;
  for (let i = 0; i < addr.length; i++) {
    if ((((addr[i] ?? 0) & (net.mask[i] ?? 0)) >>> 0) !== net.net[i]) return false;
  }
  return true;
}

export function formatIpWords(words: IpWords): string {
  if (words.length === 1) {
    const v = words[0] ?? 0;
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const parts: number[] = [];
  for (const w of words) parts.push(w >>> 16, w & 0xffff);
  return new ipaddr.IPv6(parts).toRFC5952String();
}

/** How iptables-save prints a network: masked address and a prefix length (`10.96.0.1/32`). */
export function formatIpNet(net: IpNet): string {
  return `${formatIpWords(net.net)}/${net.prefix}`;
}

/** Compares two addresses numerically (IPv4 before IPv6). */
export function compareIpWords(a: IpWords, b: IpWords): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
