import { describe, expect, it } from 'vitest';
import { sent } from '../testing/trace';
import fc from 'fast-check';
import { simulate } from './simulate';
import { clusterFrom } from '../testing/build';
import type { ProxyMode } from '../model/types';

// Random clusters with random Services, in every kube-proxy mode; random connections from
// pods to Services and from the internet to load balancers and node ports. Whenever the
// request arrives after NAT, the answer must reach the original sender from exactly the
// address and port it sent to: conntrack undoes every rewrite on the way back.
const arb = fc.record({
  mode: fc.constantFrom<ProxyMode>('iptables', 'ipvs', 'nftables'),
  workers: fc.integer({ min: 1, max: 3 }),
  pods: fc.array(fc.record({ node: fc.nat(), app: fc.constantFrom('a', 'b', 'c') }), { minLength: 1, maxLength: 6 }),
  services: fc.array(fc.record({ app: fc.constantFrom('a', 'b', 'c'), type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'), local: fc.boolean(), port: fc.integer({ min: 1, max: 9000 }) }), { minLength: 1, maxLength: 4 }),
  sends: fc.array(fc.record({ from: fc.nat(), svc: fc.nat(), kind: fc.constantFrom('pod', 'lb', 'nodeport'), node: fc.nat(), seed: fc.nat({ max: 1000 }) }), { minLength: 1, maxLength: 4 }),
});

type Case = typeof arb extends fc.Arbitrary<infer T> ? T : never;

function yamlOf(k: Case): string {
  const nodes = ['{role: control-plane}', ...Array.from({ length: k.workers }, () => '{role: worker}')].join(', ');
  const worker = (i: number) => `kind-worker${i % k.workers === 0 ? '' : (i % k.workers) + 1}`;
  let y = `apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [${nodes}]\nnetworking: {kubeProxyMode: ${k.mode}}\n`;
  k.pods.forEach((p, i) => {
    y += `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, labels: {app: ${p.app}}}\nspec:\n  nodeName: ${worker(p.node)}\n  containers: [{name: c, ports: [{containerPort: 8080}]}]\n`;
  });
  k.services.forEach((s, i) => {
    const etp = s.type !== 'ClusterIP' && s.local ? '  externalTrafficPolicy: Local\n' : '';
    y += `---\napiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec:\n  type: ${s.type}\n${etp}  selector: {app: ${s.app}}\n  ports: [{port: ${s.port}, targetPort: 8080}]\n`;
  });
  return y;
}

describe('NAT and conntrack (property)', () => {
  it('brings every answer to a NATed connection back to the sender with the addresses it used', () => {
    let checked = 0;
    const kinds = new Set<string>();
    fc.assert(fc.property(arb, (k) => {
      const c = clusterFrom(yamlOf(k));
      for (const s of k.sends) {
        const svcIndex = s.svc % k.services.length;
        const spec = k.services[svcIndex]!;
        const svc = c.service(`default/s${svcIndex}`)!;
        let send: { from: string; to: string; port: number; seed: number };
        if (s.kind === 'pod') send = { from: `p${s.from % k.pods.length}`, to: `svc:default/s${svcIndex}`, port: spec.port, seed: s.seed };
        else if (s.kind === 'lb' && spec.type === 'LoadBalancer') send = { from: 'external:client', to: `svc:default/s${svcIndex}`, port: spec.port, seed: s.seed };
        else if (s.kind === 'nodeport' && spec.type !== 'ClusterIP' && !spec.local) {
          send = { from: 'external:client', to: `node:${c.nodes[1 + (s.node % k.workers)]!.name}`, port: svc.ports[0]!.nodePort, seed: s.seed };
        } else continue;
        const r = simulate(c, send);
        if (!r.ok) throw new Error(r.error);
        const t = sent(r.trace);
        if (t.verdict !== 'delivered') continue;
        const got = t.hops[t.hops.length - 1]!.packet;
        const natted = got.src !== t.send.src || got.sport !== t.send.sport || got.dst !== t.send.dst || got.dport !== t.send.dport;
        if (!natted) continue;
        checked += 1;
        kinds.add(`${k.mode}/${s.kind}`);
        expect(t.reply?.verdict).toBe('delivered');
        const back = t.reply!.hops[t.reply!.hops.length - 1]!.packet;
        expect([back.src, back.sport, back.dst, back.dport]).toEqual([t.send.dst, t.send.dport, t.send.src, t.send.sport]);
      }
    }), { seed: 424242, numRuns: 80 });
    // The property must have met real NAT cases of every kind, or it proves nothing.
    expect(checked).toBeGreaterThan(60);
    expect(kinds.size).toBe(9);
  });
});
