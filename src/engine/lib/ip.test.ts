// ipToInt reads a plain dotted quad itself and hands every other form to ipaddr.js, so the
// fast path never changes what an address means.
import ipaddr from 'ipaddr.js';
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

  it('refuses what is not an address, as ipaddr.js does', () => {
    for (const bad of ['256.1.1.1', 'a.b.c.d', '']) expect(() => ipToInt(bad), bad).toThrow();
  });
});
