// Labels drawn on chips.
import { describe, expect, it } from 'vitest';
import { addressOf, portsText } from './labels';

describe('portsText', () => {
  it('shows the first port without its name, and counts the rest', () => {
    expect(portsText(['53/UDP (dns)', '53/TCP (dns-tcp)', '9153/TCP (metrics)'])).toBe('53/UDP +2');
    expect(portsText(['80/TCP (http)'])).toBe('80/TCP');
    expect(portsText([])).toBe('no ports');
  });
});

describe('addressOf', () => {
  it('finds the address with its prefix and skips the MAC and the bridge note', () => {
    expect(addressOf(['MAC 0a:58:0a:f4:01:01', '10.244.1.1/24', 'port of cni0'])).toBe('10.244.1.1/24');
    expect(addressOf(['MAC 76:91:b7:9f:4e:49', 'port of cni0'])).toBeUndefined();
  });
});
