// Addresses and ranges as the API server reads them (k8s.io/apimachinery
// pkg/util/validation/ip.go with strict validation: IsValidIP, IsValidCIDR; and
// pkg/apis/core/validation ValidateEndpointIP for endpoints and external IPs). Go's parser
// takes only four decimal parts, so `10/8`, `0xa.0xf4.0.0` and `256.1.1.1` are not
// addresses, and `010.244.0.0` is refused for its leading zero (where JavaScript's or
// inet_aton's reading would make it octal, 8.244.0.0). podpath models IPv4 only.
import ipaddr from 'ipaddr.js';

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** Four decimal octets 0-255 without leading zeros, or undefined. */
export function parseStrictIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0;
  for (const p of parts) {
    if (!OCTET.test(p) || Number(p) > 255) return undefined;
    v = v * 256 + Number(p);
  }
  return v;
}

/** Go's ParseIPSloppy: four decimal octets 0-255, leading zeros allowed (and read as decimal). */
function sloppyIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

const IPV6 = (text: string) => text.includes(':') && ipaddr.IPv6.isValid(text);

/** IsValidIP (strict), plus podpath's IPv4-only rule; [] when the text is a good IPv4 address. */
export function ipErrors(text: string): string[] {
  if (IPV6(text)) return ['podpath models IPv4 only'];
  if (!sloppyIPv4(text)) return ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
  if (parseStrictIPv4(text) === undefined) return ['must not have leading 0s'];
  return [];
}

/** IsValidCIDR (strict): a network address, no leading zeros, a prefix 0-32. */
export function cidrErrors(text: string): string[] {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const len = slash < 0 ? '' : text.slice(slash + 1);
  if (IPV6(addr)) return ['podpath models IPv4 only'];
  if (slash < 0 || !sloppyIPv4(addr) || !/^\d{1,2}$/.test(len) || Number(len) > 32) return ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'];
  const v = parseStrictIPv4(addr);
  if (v === undefined || (len.length > 1 && len.startsWith('0'))) return ['must not have leading 0s in IP or prefix length'];
  const bits = Number(len);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  if (((v & mask) >>> 0) !== v) return [`must not have bits set beyond the prefix length (the network is ${intText((v & mask) >>> 0)}/${bits})`];
  return [];
}

export const intText = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** ValidateEndpointIP: what cannot be an endpoint or an external IP. */
export function endpointIpErrors(text: string): string[] {
  const v = parseStrictIPv4(text);
  if (v === undefined) return [];
  const errs: string[] = [];
  if (v === 0) errs.push(`may not be unspecified (${text})`);
  if (v >>> 24 === 127) errs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (v >>> 16 === 0xa9fe) errs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  if (v >>> 8 === 0xe00000) errs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  return errs;
}

/** Ranges no pod or Service network can use: the kernel treats them as special (martian, local, multicast). */
export const SPECIAL_RANGES: readonly { readonly net: number; readonly prefix: number; readonly what: string }[] = [
  { net: 0x00000000, prefix: 8, what: '0.0.0.0/8, "this network"' },
  { net: 0x7f000000, prefix: 8, what: 'the loopback range 127.0.0.0/8' },
  { net: 0xa9fe0000, prefix: 16, what: 'the link-local range 169.254.0.0/16' },
  { net: 0xe0000000, prefix: 4, what: 'the multicast range 224.0.0.0/4' },
  { net: 0xf0000000, prefix: 4, what: 'the reserved range 240.0.0.0/4' },
];
