// Which IPv4 addresses the internet routes: everything but IANA's special-purpose ranges.
import { cidrContains, ipToInt, isIPv4, parseCidr, type Cidr } from './ip';

/**
 * IANA's special-purpose IPv4 ranges (RFC 6890 and its registry), which the internet does not
 * route. podpath keeps TEST-NET-2 (198.51.100.0/24) and TEST-NET-3 (203.0.113.0/24) as its
 * stand-ins for public space, so examples never name a real host; TEST-NET-1
 * (192.0.2.0/24) is the gateway's outside link and 198.18.0.0/15 the internet router's.
 */
export const SPECIAL_PURPOSE: readonly string[] = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.0.2.0/24', '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4',
];
const SPECIAL = SPECIAL_PURPOSE.map(parseCidr);

/** Whether the internet routes an address: public, not special-purpose. */
export function isPublicAddress(ip: string): boolean {
  if (!isIPv4(ip)) return false;
  const n = ipToInt(ip);
  return !SPECIAL.some((c) => cidrContains(c, n));
}

/** The smallest set of CIDRs covering everything outside `holes` (each a CIDR inside 0.0.0.0/0). */
export function complement(holes: readonly Cidr[]): Cidr[] {
  const out: Cidr[] = [];
  const walk = (c: Cidr) => {
    if (holes.some((h) => h.prefix <= c.prefix && cidrContains(h, c.net))) return; // inside a hole
    if (!holes.some((h) => h.prefix > c.prefix && cidrContains(c, h.net))) { out.push(c); return; } // no hole inside
    const half = 2 ** (31 - c.prefix);
    walk({ net: c.net, prefix: c.prefix + 1 });
    walk({ net: (c.net + half) >>> 0, prefix: c.prefix + 1 });
  };
  walk({ net: 0, prefix: 0 });
  return out;
}

