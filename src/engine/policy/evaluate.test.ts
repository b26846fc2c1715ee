import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { clusterFrom, KIND_3 } from '../testing/build';
import { decide, type Connection } from './evaluate';
import { policyWorld } from './world';
import { deniedText, directionText } from './reasons';
import { MODEL_PODS, parseUpstreamCase } from './testing/upstream';
import { upstreamCluster } from './testing/model';
import type { Cluster } from '../cluster/types';

const DIR = new URL('../../../../shared/reference/netpol/', import.meta.url);
const cases = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => parseUpstreamCase(f, readFileSync(new URL(f, DIR), 'utf8')));

function conn(c: Cluster, from: string, to: string, protocol: Connection['protocol'], port: number): Connection {
  const w = policyWorld(c);
  return { src: w.endpoint(c.pod(from)!.ip), dst: w.endpoint(c.pod(to)!.ip), protocol, port };
}

describe('the API semantics, read directly (the oracle the sends are checked against)', () => {
  it('finds every upstream case in the reference', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  for (const k of cases) {
    it(`gives upstream's truth table for ${k.file} (${k.title})`, () => {
      const c = upstreamCluster(k);
      const w = policyWorld(c);
      for (const probe of k.probes) {
        const got = MODEL_PODS.map((from) => MODEL_PODS.map((to) => decide(w, conn(c, from, to, probe.protocol, probe.port)).allowed));
        MODEL_PODS.forEach((from, r) => MODEL_PODS.forEach((to, col) => {
          if (r === col) return; // upstream ignores the diagonal (ignoreLoopback)
          expect(got[r]![col], `${probe.protocol}/${probe.port} ${from} -> ${to}`).toBe(probe.expected[r]![col]);
        }));
      }
    });
  }
});

const TWO_NS = `${KIND_3}---
apiVersion: v1
kind: Namespace
metadata: {name: x}
---
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: x, labels: {pod: a}}
spec:
  nodeName: kind-worker
  containers: [{name: web, ports: [{containerPort: 8080, name: http}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: x, labels: {pod: b}}
spec:
  nodeName: kind-worker2
  containers: [{name: web, ports: [{containerPort: 9090, name: http}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: h, namespace: x, labels: {pod: h}}
spec:
  nodeName: kind-worker2
  hostNetwork: true
  containers: [{name: agent, ports: [{containerPort: 9100}]}]
`;

const withPolicy = (spec: string) => clusterFrom(`${TWO_NS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: x}
spec:
${spec}`);

describe('NetworkPolicy semantics', () => {
  it('reads a named port against the destination pod, so one name can mean different numbers', () => {
    const c = withPolicy('  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{ports: [{port: http}]}]\n');
    const w = policyWorld(c);
    expect(decide(w, conn(c, 'x/a', 'x/b', 'TCP', 9090)).allowed).toBe(true);
    expect(decide(w, conn(c, 'x/b', 'x/a', 'TCP', 8080)).allowed).toBe(true);
    expect(decide(w, conn(c, 'x/b', 'x/a', 'TCP', 9090)).allowed).toBe(false);
  });

  it('allows a range port..endPort inclusive, and only on its protocol', () => {
    const c = withPolicy('  podSelector: {matchLabels: {pod: b}}\n  ingress: [{ports: [{port: 9000, endPort: 9090}]}]\n');
    const w = policyWorld(c);
    expect(decide(w, conn(c, 'x/a', 'x/b', 'TCP', 9090)).allowed).toBe(true);
    expect(decide(w, conn(c, 'x/a', 'x/b', 'TCP', 9091)).allowed).toBe(false);
    expect(decide(w, conn(c, 'x/a', 'x/b', 'UDP', 9090)).allowed).toBe(false);
  });

  it('always lets the destination pod\'s own node in, but not another node', () => {
    const c = withPolicy('  podSelector: {}\n  ingress: []\n');
    const w = policyWorld(c);
    const b = w.endpoint(c.pod('x/b')!.ip);
    const own = decide(w, { src: w.endpoint(c.node('kind-worker2')!.ip), dst: b, protocol: 'TCP', port: 9090 });
    expect(own.ingress.verdict.kind).toBe('local-node');
    const other = decide(w, { src: w.endpoint(c.node('kind-worker')!.ip), dst: b, protocol: 'TCP', port: 9090 });
    expect(other.allowed).toBe(false);
  });

  it('treats a host-network pod as its node: never selected, never a pod peer', () => {
    const c = withPolicy('  podSelector: {}\n  ingress: [{from: [{podSelector: {}}]}]\n');
    const w = policyWorld(c);
    expect(w.selecting(w.pod('x/h')!, 'Ingress')).toEqual([]);
    const fromHost = decide(w, { src: w.endpoint(c.pod('x/h')!.ip), dst: w.endpoint(c.pod('x/a')!.ip), protocol: 'TCP', port: 8080 });
    expect(fromHost.connection.src.pod).toBeUndefined();
    expect(fromHost.allowed).toBe(false);
  });

  it('says why a connection was denied, naming every policy it considered', () => {
    const c = withPolicy('  podSelector: {matchLabels: {pod: b}}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}}], ports: [{port: 81}]}]\n');
    const k = conn(c, 'x/a', 'x/b', 'TCP', 80);
    const d = decide(policyWorld(c), k);
    expect(deniedText(d.ingress, k)).toBe('no policy selecting x/b allows ingress from x/a on TCP 80; policies considered: x/p (selects x/b; allows from namespace y on TCP 81)');
  });

  it('names the rule that allowed a connection', () => {
    const c = withPolicy('  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.9.0/24]}}]}, {from: [{podSelector: {matchLabels: {pod: a}}}]}]\n');
    const k = conn(c, 'x/a', 'x/b', 'TCP', 9090);
    const d = decide(policyWorld(c), k);
    expect(directionText(d.ingress, k)).toBe('x/p allows it: ingress rule 1, from 10.244.0.0/16 except 10.244.9.0/24 on any port');
  });
});
