// Real kubectl output as a scenario: a kind cluster's full dump and its nodes in two pastes,
// one namespace of another cluster as -o json, one pod. podpath keeps what it models, takes
// the addresses the cluster reported, and says what it left out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusterFrom } from '../../testing/build';
import { simulate } from '../../stack/simulate';
import { parseScenario } from '../parse';
import { importKubectl } from './kubectl';

const fixture = (f: string) => readFileSync(`src/engine/model/import/fixtures/${f}`, 'utf8');
const DUMP = fixture('kind-dump.yaml');
const NODES = fixture('kind-nodes.yaml');

function imported(...texts: string[]) {
  const out = importKubectl(texts);
  if (!out.ok) throw new Error(out.error);
  return out;
}

describe('importing kubectl output', () => {
  it('makes a kind cluster\'s dump and its nodes into a scenario that keeps the reported addresses', () => {
    const out = imported(DUMP, NODES);
    const c = clusterFrom(out.text);
    expect(c.nodes.map((n) => [n.name, n.ip, `${n.podCidr.net >>> 24}.${(n.podCidr.net >>> 16) & 255}.${(n.podCidr.net >>> 8) & 255}.0`])).toEqual([
      ['kind-control-plane', '172.18.0.3', '10.244.0.0'], ['kind-worker', '172.18.0.2', '10.244.2.0'], ['kind-worker2', '172.18.0.4', '10.244.1.0'],
    ]);
    const ip = (key: string) => c.pod(key)?.ip;
    expect([ip('default/web'), ip('default/cache'), ip('default/api-6c7d9f8b54-8x7kq'), ip('default/api-6c7d9f8b54-zr4lp'), ip('default/db-0')])
      .toEqual(['10.244.2.3', '10.244.1.3', '10.244.2.2', '10.244.1.2', '10.244.1.4']);
    expect(c.service('default/api')?.clusterIP).toBe('10.96.147.9');
    expect(c.service('default/api-public')?.ports[0]?.nodePort).toBe(31380);
    // The Deployment and the StatefulSet adopted their observed pods and made no others.
    expect(c.pods.filter((p) => p.spec.owner?.kind === 'ReplicaSet' && p.spec.owner.deployment === 'api').map((p) => p.key).sort()).toEqual(['default/api-6c7d9f8b54-8x7kq', 'default/api-6c7d9f8b54-zr4lp']);
    expect(c.pods.filter((p) => p.spec.owner?.kind === 'StatefulSet').map((p) => p.key)).toEqual(['default/db-0']);
    // The control plane keeps its taint: nothing new lands there.
    expect(c.node('kind-control-plane')?.tainted).toBe(true);
  });

  it('sends through the imported cluster: web to the api Service', () => {
    const c = clusterFrom(imported(DUMP, NODES).text);
    const r = simulate(c, { from: 'default/web', to: 'svc:default/api', port: 80 });
    expect(r.ok && r.trace.verdict).toBe('delivered');
  });

  it('reports what it left out and why: kind\'s own parts, derived objects, server bookkeeping', () => {
    const { report } = imported(DUMP, NODES);
    const why = (what: string) => report.ignored.find((i) => i.what === what)?.why;
    expect(why('Pod kube-system/kube-apiserver-kind-control-plane')).toMatch(/static control-plane pod/);
    expect(why('DaemonSet kube-system/kube-proxy')).toMatch(/kube-proxy: podpath writes its rules/);
    expect(why('Pod kube-system/kindnet-5qk2t')).toMatch(/the CNI's agent/);
    expect(why('Deployment kube-system/coredns')).toMatch(/CoreDNS/);
    expect(why('Service default/kubernetes')).toMatch(/makes itself/);
    expect(why('EndpointSlice default/api-x2j9v')).toMatch(/from the Service's selector/);
    expect(report.ignored[0]!.what).toMatch(/^server fields of \d+ objects \(managedFields, uid/);
    expect(report.kept).toContain('Pod default/web on kind-worker, 10.244.2.3');
    expect(report.kept).toContain('Ingress default/api');
    expect(report.inferred).toContain('podSubnet 10.244.0.0/16 (kind\'s default), which holds every pod address');
    expect(report.inferred).toContain('serviceSubnet 10.96.0.0/16 (kind\'s default), which holds every ClusterIP');
  });

  it('keeps only what podpath models of an object, in a manifest a person would write', () => {
    const text = imported(DUMP, NODES).text;
    expect(text).not.toMatch(/managedFields|resourceVersion|uid:|volumeMounts|imagePullPolicy|containerStatuses/);
    expect(text).toContain('podIP: 10.244.2.3');
    expect(text).toContain('podCIDR: 10.244.2.0/24');
    expect(parseScenario(text).ok).toBe(true);
  });

  it('works out a kind cluster\'s nodes from the pods when only the first paste is given', () => {
    const out = imported(DUMP);
    expect(out.report.inferred[0]).toMatch(/^the nodes of kind cluster "kind" kind-worker, kind-worker2, kind-control-plane from the pods/);
    const c = clusterFrom(out.text);
    expect(c.nodes.map((n) => [n.name, n.ip, n.role])).toEqual([['kind-worker', '172.18.0.2', 'worker'], ['kind-worker2', '172.18.0.4', 'worker'], ['kind-control-plane', '172.18.0.3', 'control-plane']]);
    expect(c.pod('default/web')?.ip).toBe('10.244.2.3');
  });

  it('reads -o json of one namespace of another cluster, with nodes from the pods\' hostIP', () => {
    const out = imported(fixture('shop-namespace.json'));
    const c = clusterFrom(out.text);
    expect(c.nodes.map((n) => [n.name, n.ip])).toEqual([['control-plane', '10.0.0.2'], ['worker-1', '10.0.0.11'], ['worker-2', '10.0.0.12']]);
    expect(out.report.inferred).toContain('a control-plane node "control-plane", which the cluster has and the paste does not show (its address and pod range are allocated)');
    expect(c.pod('shop/checkout')?.ip).toBe('192.168.2.9');
    expect(c.service('shop/cart')?.clusterIP).toBe('10.43.18.201');
    expect(out.report.inferred.some((l) => l.startsWith('podSubnet 192.168.0.0/16'))).toBe(true);
    expect(out.report.inferred.some((l) => l.startsWith('serviceSubnet 10.43.0.0/16') || l.startsWith('serviceSubnet 10.43'))).toBe(true);
    expect(out.report.inferred).toContain('namespace shop, which its objects live in');
  });

  it('reads one object that is not a List', () => {
    const out = imported(fixture('one-pod.yaml'));
    expect(out.report.kept).toEqual(expect.arrayContaining(['Pod default/web on kind-worker, 10.244.2.3']));
    expect(parseScenario(out.text).ok).toBe(true);
  });

  it('says why it cannot import what is not kubectl output', () => {
    expect(importKubectl(['kind: [oops'])).toMatchObject({ ok: false, error: expect.stringContaining('not YAML or JSON') });
    expect(importKubectl([''])).toMatchObject({ ok: false, error: expect.stringContaining('nothing was pasted') });
    expect(importKubectl(['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n'])).toMatchObject({ ok: false, error: expect.stringContaining('nothing podpath models') });
    expect(importKubectl(['- a\n- b\n'])).toMatchObject({ ok: false, error: expect.stringContaining('not a Kubernetes object') });
  });
});
