// The upstream e2e truth tables from real sends under each CNI plugin: every case of
// ../shared/reference/netpol on the upstream model, every probe, each cell a send through the
// engine (never a call to the policy evaluator). The diagonal is ignored, as upstream ignores
// it (ignoreLoopback). An enforcing plugin gives upstream's table; a plugin that does not
// enforce NetworkPolicy gives all-connected.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { reachMatrix, type ReachMatrix } from './reach';
import { parseUpstreamCase, type Probe } from './testing/upstream';
import { upstreamCluster } from './testing/model';

const DIR = new URL('../../../../shared/reference/netpol/', import.meta.url);
const cases = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => parseUpstreamCase(f, readFileSync(new URL(f, DIR), 'utf8')));
const PROTO = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' } as const;

/** The cells that differ from what was expected, off the diagonal, as "from → to". */
function mismatches(m: ReachMatrix, expected: (r: number, c: number) => boolean): string[] {
  const out: string[] = [];
  m.cells.forEach((row, r) => row.forEach((cell, c) => {
    if (r !== c && (cell.verdict === 'allowed') !== expected(r, c)) out.push(`${m.pods[r]} → ${m.pods[c]}: ${cell.verdict}`);
  }));
  return out;
}

interface Enforcing {
  readonly name: string;
  readonly settings: string;
  /** Where the plugin knowingly decides otherwise than upstream's table: the expected cell. */
  readonly differs?: (file: string, from: string, to: string) => boolean | undefined;
}

const ENFORCING: readonly Enforcing[] = [
  { name: 'Calico', settings: ', cni: calico' },
  { name: 'kindnet', settings: ', cni: kindnet' },
  {
    name: 'Cilium', settings: ', cni: cilium',
    // Cilium never matches an ipBlock against a pod's address (cilium/cilium#9209): x/a's only
    // egress rule is an ipBlock over the pod network, so under Cilium x/a reaches no pod.
    differs: (file, from, to) => (file.startsWith('12_') && from === 'x/a' && to !== 'x/a' ? false : undefined),
  },
];
const NOT_ENFORCING = [
  { name: 'the bridge plugin', settings: '' },
  { name: 'flannel', settings: ', cni: flannel' },
  { name: 'the AWS VPC CNI', settings: ', cni: aws-vpc-cni' },
];

for (const plugin of ENFORCING) {
  describe(`under ${plugin.name}, which enforces NetworkPolicy`, () => {
    for (const k of cases) {
      it(`gives upstream's truth tables for ${k.file}`, () => {
        const c = upstreamCluster(k, plugin.settings);
        for (const probe of k.probes) {
          const m = reachMatrix(c, { port: probe.port, proto: PROTO[probe.protocol] });
          const want = (r: number, col: number) => plugin.differs?.(k.file, m.pods[r]!, m.pods[col]!) ?? probe.expected[r]![col]!;
          expect(mismatches(m, want), `${probe.protocol}/${probe.port}`).toEqual([]);
          // What did not connect was denied by a policy, never lost for another reason.
          const lost = m.cells.flatMap((row, r) => row.filter((x, col) => r !== col && x.verdict !== 'allowed' && x.verdict !== 'denied'));
          expect(lost).toEqual([]);
        }
      });
    }
  });
}

for (const plugin of NOT_ENFORCING) {
  describe(`under ${plugin.name}, which does not implement NetworkPolicy`, () => {
    for (const k of cases) {
      it(`connects every pod to every pod in ${k.file}, whatever the policies say`, () => {
        const c = upstreamCluster(k, plugin.settings);
        for (const probe of k.probes as readonly Probe[]) {
          expect(mismatches(reachMatrix(c, { port: probe.port, proto: PROTO[probe.protocol] }), () => true), `${probe.protocol}/${probe.port}`).toEqual([]);
        }
      });
    }
  });
}
