import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overallNFTablesRules } from './testing/golden-scenarios';
import { referenceUrl } from './testing/goldens';
import { printNftablesTransaction, sortNFTablesTransaction } from './nftables-transaction';
import { writeNftablesRules } from './nftables-writer';

const overall = overallNFTablesRules();

const golden = readFileSync(referenceUrl('nftables_TestOverallNFTablesRules.txt'), 'utf8');

describe('nftables mode against TestOverallNFTablesRules', () => {
  // NewFakeProxier sets masqueradeMark to "0x4000"; real kube-proxy would write 0x00004000.
  const table = writeNftablesRules(overall, { masqueradeMarkText: '0x4000' });
  const dump = printNftablesTransaction(table);

  it('writes the upstream golden byte for byte once both sides are sorted', () => {
    expect(sortNFTablesTransaction(dump)).toBe(sortNFTablesTransaction(golden));
  });

  it('has as many lines as the golden has objects (nothing extra, nothing missing)', () => {
    const objects = golden.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(dump.trimEnd().split('\n')).toHaveLength(objects.length);
  });

  it('spells the mark the Go way (%#08x) unless told otherwise', () => {
    const real = printNftablesTransaction(writeNftablesRules(overall));
    expect(real).toContain('add rule ip kube-proxy mark-for-masquerade mark set mark or 0x00004000\n');
  });
});

describe('sortNFTablesTransaction', () => {
  it('orders by object type, then name, keeps rule order and sorts other lines', () => {
    const tx = [
      '# comment',
      'add element ip t s { 2 }',
      'add rule ip t b second',
      'add element ip t s { 1 }',
      '',
      'add chain ip t b',
      'add rule ip t a only',
      'add rule ip t b first',
      'add table ip t { comment "x" ; }',
    ].join('\n');
    expect(sortNFTablesTransaction(tx).split('\n')).toEqual([
      'add table ip t { comment "x" ; }',
      'add chain ip t b',
      'add rule ip t a only',
      'add rule ip t b second',
      'add rule ip t b first',
      'add element ip t s { 1 }',
      'add element ip t s { 2 }',
    ]);
  });
});
