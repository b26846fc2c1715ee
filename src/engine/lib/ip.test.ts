// ipToInt reads a plain dotted quad itself and hands every other form to ipaddr.js, so the
// fast path never changes what an address means.
import ipaddr from 'ipaddr.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intToIp, ipToInt } from './ip';

const slow = (ip: string) => { const b = ipaddr.IPv4.parse(ip).octets; return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0; };

describe('ipToInt', () => {
  it('agrees with ipaddr.js on plain and unusual forms', () => {
    for (const ip of ['0.0.0.0', '10.244.1.2', '172.18.0.1', '192.168.255.255', '255.255.255.255', '1.2.3.4', '99.100.199.200', '010.1.1.1', '0x0a.0.0.1']) {
      expect(ipToInt(ip), ip).toBe(slow(ip));
    }
    expect(intToIp(ipToInt('10.244.1.2'))).toBe('10.244.1.2');
  });

  it('reads any text as ipaddr.js does, or refuses it as ipaddr.js does (fast-check: octets with leading zeros, too big, too few)', () => {
    const part = fc.oneof(fc.nat({ max: 300 }).map(String), fc.nat({ max: 99 }).map((n) => `0${n}`), fc.constantFrom('', 'x', '-1', '00'));
    const outcome = (f: (ip: string) => number, ip: string) => { try { return f(ip); } catch { return 'refused'; } };
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const ip = parts.join('.');
        expect(outcome(ipToInt, ip), ip).toBe(outcome(slow, ip));
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });

  it('refuses what is not an address, as ipaddr.js does', () => {
    for (const bad of ['256.1.1.1', 'a.b.c.d', '']) expect(() => ipToInt(bad), bad).toThrow();
  });
});
