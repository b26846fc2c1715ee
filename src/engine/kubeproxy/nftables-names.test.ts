import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAIN_NAME_BASE_LENGTH_MAX, endpointNames, hashAndTruncate, serviceChainNames } from './nftables-names';
import { testEndpoint, testServicePort } from './testing/fake-proxier';

const pairs = readFileSync(new URL('../../../../shared/reference/chain_name_pairs.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('nftables\t'))
  .map((l) => l.split('\t'));

const port = (ns: string, name: string, portName: string) => testServicePort(ns, name, { portName, clusterIP: '172.30.0.41' });

describe('nftables chain names', () => {
  it('has the verified pairs to check against', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(7);
  });

  it.each(pairs)('hashes %s input %s to %s', (_kind, input, hash, chain) => {
    expect(hashAndTruncate(input!)).toBe(`${hash}-${input}`);
    expect(chain).toMatch(new RegExp(`^(service|endpoint)-${hash}-`));
  });

  it('names the service, local, external and firewall chains of a port alike', () => {
    const n = serviceChainNames(port('ns1', 'svc1', 'p80'));
    expect(n.cluster).toBe('service-ULMVA6XW-ns1/svc1/tcp/p80');
    expect(n.local).toBe('local-ULMVA6XW-ns1/svc1/tcp/p80');
    expect(n.external).toBe('external-ULMVA6XW-ns1/svc1/tcp/p80');
    expect(n.firewall).toBe('firewall-ULMVA6XW-ns1/svc1/tcp/p80');
  });

  it('names an endpoint chain and its affinity set with the same hash', () => {
    const n = endpointNames(port('ns5', 'svc5', 'p80'), testEndpoint('10.180.0.3'));
    expect(n.chain).toBe('endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80');
    expect(n.affinitySet).toBe('affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80');
  });

  it('cuts names longer than 240 characters and ends them with "..."', () => {
    const long = `${'n'.repeat(63)}/${'s'.repeat(63)}/tcp/${'p'.repeat(63)}__10.0.0.1/80${'x'.repeat(60)}`;
    const out = hashAndTruncate(long);
    expect(out).toHaveLength(CHAIN_NAME_BASE_LENGTH_MAX);
    expect(out.endsWith('...')).toBe(true);
    expect(out.slice(9, 20)).toBe(long.slice(0, 11));
  });

  it('leaves a name of exactly 240 characters alone', () => {
    const name = 'a'.repeat(CHAIN_NAME_BASE_LENGTH_MAX - 9);
    expect(hashAndTruncate(name)).toHaveLength(CHAIN_NAME_BASE_LENGTH_MAX);
    expect(hashAndTruncate(name).endsWith('a')).toBe(true);
  });
});
