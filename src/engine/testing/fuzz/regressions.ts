// Named regression seeds: each is a fuzz seed (and fast-check path) that once found a bug.
// They replay in the unit suite, so the bug stays fixed even after the generators change
// around it (then the seed still runs its share of fresh cases).
export interface RegressionSeed {
  readonly name: string;
  readonly seed: number;
  /** The counterexample's path: replaying it runs the shrunk case first. */
  readonly path: string;
  /** What was wrong, in the words of the failure it gave. */
  readonly found: string;
}

export const REGRESSIONS: readonly RegressionSeed[] = [
  {
    name: 'ipvs-match-unparsed',
    seed: 1,
    path: '4:0:0:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:2:1:2:3:3:3:3:3:3:3:4:4:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0',
    found: 'IPVS mode with a LoadBalancer Service whose loadBalancerSourceRanges leave out the nodes: the rule parser threw on KUBE-IPVS-OUT-FILTER\'s `-m ipvs` (line 31: match extension "ipvs" is not modelled)',
  },
  {
    name: 'ipvs-match-unparsed-nodeport',
    seed: 4,
    path: '1:0:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:2:1:3:3:3:3:3:4:4:4:4:4:4:4:4:4:4:4:4:4:4:4:4',
    found: 'the same `-m ipvs` rule, reached by another shape of cluster: every send threw',
  },
  {
    name: 'ipvs-refusal-hop',
    seed: 5,
    path: '18:1:1:1:1:1:1:1:1:1:1:2:2:2:2:2:2:2:2:2:3:3:3:3:5:5:5:4:4:10:5:4:4:4:5:4:6:5:4:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5:5',
    found: 'an IPVS virtual server without real servers refused the connection, but the leg ended on an "ipvs" hop, not on the refusal',
  },
];
