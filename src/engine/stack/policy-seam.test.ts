// The NetworkPolicy seam: each plugin says whether and where it enforces policy, and a policy
// model (here a stand-in that denies what it is told to) is asked there: at a netfilter stage
// for kindnet and Calico, in the eBPF programs for Cilium, never for the plugins that do not
// enforce (bridge, flannel, the VPC CNI without its policy agent).
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../scenarios/builtins';
import type { Cluster } from '../cluster/types';
import { clusterFrom } from '../testing/build';
import { last, run } from '../testing/trace';
import { hookStages } from './hooks';
import type { PolicyEngine, PolicyQuery } from './policy-seam';

const compiled = (id: string) => clusterFrom(BUILTIN_SCENARIOS.find((b) => b.id === id)!.yaml);
const remoteApi = (c: Cluster) => c.node('kind-worker2')!.pods.find((k) => k.startsWith('default/api'))!;

/** A policy model that records every question and denies the directions it is given for one pod. */
function standIn(deny: { readonly pod: string; readonly direction: 'ingress' | 'egress' } | null) {
  const asked: PolicyQuery[] = [];
  const engine: PolicyEngine = {
    decide: (q) => {
      asked.push(q);
      if (deny && q.pod.key === deny.pod && q.direction === deny.direction && !q.established) {
        return { allow: false, text: `A NetworkPolicy selects ${q.pod.key} and allows no ${q.direction} like this.`, rule: 'deny-all', table: 'networkpolicy' };
      }
      return undefined;
    },
  };
  return { engine, asked };
}
const withPolicy = (c: Cluster, engine: PolicyEngine): Cluster => ({ ...c, policy: engine });

describe.each([
  ['kindnet', 'netfilter', 'nft inet kube-network-policies postrouting', 'POSTROUTING'],
  ['calico', 'netfilter', 'calico policy (cali-FORWARD)', 'FORWARD'],
  ['cilium', 'bpf', undefined, undefined],
] as const)('%s enforces NetworkPolicy', (id, kind, stage, hook) => {
  const c = compiled(id);

  it(`says where (${kind})`, () => {
    expect(c.cni.policy).toMatchObject({ enforces: true, where: { kind } });
    if (stage && hook) {
      const stages = hookStages(c.netfilter('node/kind-worker')!).get(hook)!;
      expect(stages.map((s) => s.name)).toContain(stage);
    }
  });

  it('asks the policy model for the sender\'s egress and the receiver\'s ingress, and passes what it allows', () => {
    const { engine, asked } = standIn(null);
    const t = run(withPolicy(c, engine), { from: 'web', to: remoteApi(c), port: 8080 });
    expect(t.verdict).toBe('delivered');
    expect(asked.some((q) => q.direction === 'egress' && q.pod.key === 'default/web' && q.node === 'kind-worker')).toBe(true);
    expect(asked.some((q) => q.direction === 'ingress' && q.pod.key === remoteApi(c) && q.node === 'kind-worker2')).toBe(true);
  });

  it('drops at the receiver\'s ingress what the model denies, with the model\'s words and rule', () => {
    const { engine } = standIn({ pod: remoteApi(c), direction: 'ingress' });
    const t = run(withPolicy(c, engine), { from: 'web', to: remoteApi(c), port: 8080 });
    expect(t.verdict).toBe('dropped');
    expect(t.code).toBe('policy-denied');
    expect(last(t.hops)).toMatchObject({ kind: 'drop', nsId: 'node/kind-worker2', rule: 'deny-all', table: 'networkpolicy' });
  });

  it('drops at the sender\'s node what its egress policy denies', () => {
    const { engine } = standIn({ pod: 'default/web', direction: 'egress' });
    const t = run(withPolicy(c, engine), { from: 'web', to: remoteApi(c), port: 8080 });
    expect(t.code).toBe('policy-denied');
    expect(last(t.hops).nsId).toBe('node/kind-worker');
  });
});

describe.each(['default', 'flannel', 'aws-vpc-cni'])('%s does not enforce NetworkPolicy', (id) => {
  it('says why, and never asks the policy model', () => {
    const c = compiled(id);
    expect(c.cni.policy.enforces).toBe(false);
    const { engine, asked } = standIn({ pod: 'default/web', direction: 'egress' });
    expect(run(withPolicy(c, engine), { from: 'web', to: remoteApi(c), port: 8080 }).verdict).toBe('delivered');
    expect(asked).toEqual([]);
  });
});
