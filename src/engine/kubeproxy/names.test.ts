import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointChainName, hash16, joinHostPort, serviceChainNames, servicePortNameString } from './names';

const tsv = readFileSync(resolve(process.cwd(), '../shared/reference/chain_name_pairs.tsv'), 'utf8');
// kind, hash input, hash, example chain, where seen. The nftables rows use another derivation
// (nftables proxier's hashAndTruncate) and belong to the nftables writer.
const rows = tsv
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => l.split('\t'))
  .filter((cols) => cols[0] === 'iptables');

describe('kube-proxy iptables chain names', () => {
  it('reads the iptables rows of chain_name_pairs.tsv', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  it.each(rows)('hashes %s %s to %s', (_kind, input, hash, example) => {
    expect(hash16(input as string)).toBe(hash);
    const prefix = (example as string).slice(0, (example as string).length - 16);
    expect(`${prefix}${hash16(input as string)}`).toBe(example);
  });

  it('derives the SVC, SVL, FW and EXT chains of one service port from one hash', () => {
    const names = serviceChainNames('ns5/svc5:p80', 'tcp');
    expect(names).toEqual({
      cluster: 'KUBE-SVC-NUKIZ6OKUXPJNT4C',
      local: 'KUBE-SVL-NUKIZ6OKUXPJNT4C',
      firewall: 'KUBE-FW-NUKIZ6OKUXPJNT4C',
      external: 'KUBE-EXT-NUKIZ6OKUXPJNT4C',
    });
  });

  it('names an endpoint chain from the port name, protocol and "IP:port"', () => {
    expect(endpointChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
  });

  it('writes an unnamed port without the colon and brackets IPv6 endpoints', () => {
    expect(servicePortNameString({ namespace: 'ns1', name: 'svc1', portName: '' })).toBe('ns1/svc1');
    expect(servicePortNameString({ namespace: 'ns1', name: 'svc1', portName: 'p80' })).toBe('ns1/svc1:p80');
    expect(joinHostPort('fd00:10::5', 8080)).toBe('[fd00:10::5]:8080');
  });

  it('hashes non-ASCII input as UTF-8', () => {
    // Python: base64.b32encode(hashlib.sha256('é'.encode()).digest())[:16]
    expect(hash16('é')).toBe('JKMVK7SAGPBVHHPC');
  });
});
