import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goSliceStable, sortIPTablesRules } from './sort';

const text = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe('sortIPTablesRules (cases from upstream TestSortIPTablesRules)', () => {
  it('sorts tables by name and chains KUBE-NODEPORTS, KUBE-SERVICES, then alphabetically', () => {
    const table = (name: string): string[] => [
      `*${name}`,
      ':KUBE-SERVICES - [0:0]',
      ':KUBE-EXTERNAL-SERVICES - [0:0]',
      ':KUBE-FORWARD - [0:0]',
      ':KUBE-NODEPORTS - [0:0]',
      '-A KUBE-NODEPORTS -m comment --comment "ns2/svc2:p80 health check node port" -m tcp -p tcp --dport 30000 -j ACCEPT',
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      'COMMIT',
    ];
    const sorted = (name: string): string[] => [
      `*${name}`,
      ':KUBE-NODEPORTS - [0:0]',
      ':KUBE-SERVICES - [0:0]',
      ':KUBE-EXTERNAL-SERVICES - [0:0]',
      ':KUBE-FORWARD - [0:0]',
      '-A KUBE-NODEPORTS -m comment --comment "ns2/svc2:p80 health check node port" -m tcp -p tcp --dport 30000 -j ACCEPT',
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      'COMMIT',
    ];
    expect(sortIPTablesRules(text(...table('filter'), ...table('nat'), ...table('mangle')))).toBe(text(...sorted('filter'), ...sorted('mangle'), ...sorted('nat')));
  });

  it('correctly matches the same service name in different styles of comments', () => {
    const input = text(
      '*filter',
      'COMMIT',
      '*nat',
      ':KUBE-SERVICES - [0:0]',
      '-A KUBE-SERVICES -m comment --comment "ns2/svc2:p80 cluster IP" svc2 line 1',
      '-A KUBE-SERVICES -m comment --comment ns2/svc2 svc2 line 2',
      '-A KUBE-SERVICES -m comment --comment "ns2/svc2 blah" svc2 line 3',
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" svc1 line 1',
      '-A KUBE-SERVICES -m comment --comment ns1/svc1 svc1 line 2',
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1 blah" svc1 line 3',
      '-A KUBE-SERVICES -m comment --comment ns4/svc4 svc4 line 1',
      '-A KUBE-SERVICES -m comment --comment "ns4/svc4:p80 cluster IP" svc4 line 2',
      '-A KUBE-SERVICES -m comment --comment "ns4/svc4 blah" svc4 line 3',
      '-A KUBE-SERVICES -m comment --comment "ns3/svc3:p80 cluster IP" svc3 line 1',
      '-A KUBE-SERVICES -m comment --comment "ns3/svc3 blah" svc3 line 2',
      '-A KUBE-SERVICES -m comment --comment ns3/svc3 svc3 line 3',
      'COMMIT',
    );
    expect(sortIPTablesRules(input)).toBe(
      text(
        '*filter',
        'COMMIT',
        '*nat',
        ':KUBE-SERVICES - [0:0]',
        '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" svc1 line 1',
        '-A KUBE-SERVICES -m comment --comment ns1/svc1 svc1 line 2',
        '-A KUBE-SERVICES -m comment --comment "ns1/svc1 blah" svc1 line 3',
        '-A KUBE-SERVICES -m comment --comment "ns2/svc2:p80 cluster IP" svc2 line 1',
        '-A KUBE-SERVICES -m comment --comment ns2/svc2 svc2 line 2',
        '-A KUBE-SERVICES -m comment --comment "ns2/svc2 blah" svc2 line 3',
        '-A KUBE-SERVICES -m comment --comment "ns3/svc3:p80 cluster IP" svc3 line 1',
        '-A KUBE-SERVICES -m comment --comment "ns3/svc3 blah" svc3 line 2',
        '-A KUBE-SERVICES -m comment --comment ns3/svc3 svc3 line 3',
        '-A KUBE-SERVICES -m comment --comment ns4/svc4 svc4 line 1',
        '-A KUBE-SERVICES -m comment --comment "ns4/svc4:p80 cluster IP" svc4 line 2',
        '-A KUBE-SERVICES -m comment --comment "ns4/svc4 blah" svc4 line 3',
        'COMMIT',
      ),
    );
  });

  it('preserves unexpected junk lines', () => {
    const input = text(
      '*filter',
      'COMMIT',
      '*nat',
      ':KUBE-SERVICES - [0:0]',
      ':KUBE-SEP-RS4RBKLTHTF2IUXJ - [0:0]',
      ':KUBE-AAAAA - [0:0]',
      ':KUBE-ZZZZZ - [0:0]',
      ':WHY-IS-THIS-CHAIN-HERE - [0:0]',
      '-A KUBE-SERVICES -m comment --comment "ns2/svc2:p80 cluster IP" svc2 line 1',
      '-A KUBE-SEP-RS4RBKLTHTF2IUXJ -m comment --comment ns2/svc2:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.2:80',
      '-A KUBE-ZZZZZ -m comment --comment "mystery chain number 1"',
      '-A KUBE-SERVICES -m comment --comment ns2/svc2 svc2 line 2',
      '-A WHY-IS-THIS-CHAIN-HERE -j ACCEPT',
      '-A KUBE-SERVICES -m comment --comment "ns2/svc2 blah" svc2 line 3',
      '-A KUBE-AAAAA -m comment --comment "mystery chain number 2"',
      'COMMIT',
    );
    expect(sortIPTablesRules(input)).toBe(
      text(
        '*filter',
        'COMMIT',
        '*nat',
        ':KUBE-SERVICES - [0:0]',
        ':KUBE-AAAAA - [0:0]',
        ':KUBE-SEP-RS4RBKLTHTF2IUXJ - [0:0]',
        ':KUBE-ZZZZZ - [0:0]',
        ':WHY-IS-THIS-CHAIN-HERE - [0:0]',
        '-A KUBE-SERVICES -m comment --comment "ns2/svc2:p80 cluster IP" svc2 line 1',
        '-A KUBE-SERVICES -m comment --comment ns2/svc2 svc2 line 2',
        '-A KUBE-SERVICES -m comment --comment "ns2/svc2 blah" svc2 line 3',
        '-A KUBE-AAAAA -m comment --comment "mystery chain number 2"',
        '-A KUBE-SEP-RS4RBKLTHTF2IUXJ -m comment --comment ns2/svc2:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.2:80',
        '-A KUBE-ZZZZZ -m comment --comment "mystery chain number 1"',
        '-A WHY-IS-THIS-CHAIN-HERE -j ACCEPT',
        'COMMIT',
      ),
    );
  });

  it('keeps the "must be the last rule" rule last in nat KUBE-SERVICES', () => {
    const out = sortIPTablesRules(
      text(
        '*filter',
        'COMMIT',
        '*nat',
        ':KUBE-SERVICES - [0:0]',
        '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
        '-A KUBE-SERVICES -m comment --comment "zz/svc:p cluster IP" -j KUBE-SVC-A',
        'COMMIT',
      ),
    );
    expect(out.split('\n').at(-3)).toContain('must be the last rule');
  });

  it('fails like the Go helper on a rule for a chain that was not declared', () => {
    expect(() => sortIPTablesRules(text('*nat', '-A KUBE-X -j ACCEPT', 'COMMIT'))).toThrow(/KUBE-X/);
  });
});

describe("Go's sort.SliceStable", () => {
  it('sorts like a stable sort for any well-behaved order (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer()), { maxLength: 200 }), (items) => {
        const ours = [...items];
        goSliceStable(ours, (a, b) => a[0] < b[0]);
        const reference = [...items].sort((a, b) => a[0] - b[0]);
        expect(ours).toEqual(reference);
      }),
      { seed: 20240501, numRuns: 300 },
    );
  });
});
