import { describe, expect, it } from 'vitest';
import { simulate, type SendSpec } from './simulate';
import { run, last, sent } from '../testing/trace';
import { clusterFrom, KIND_3, pod } from '../testing/build';
import type { Hop, Trace } from '../trace/types';

const SCENARIO = `${KIND_3}${pod('web', 'kind-worker', [['nginx', 80], ['metrics', 9102]])}${pod('cache', 'kind-worker', [['redis', 6379]])}${pod('api', 'kind-worker2', [['api', 8080]])}`;


const kinds = (hops: readonly Hop[]) => hops.map((h) => h.kind);

describe('simulate: the four paths without NAT', () => {
  const c = clusterFrom(SCENARIO);

  it('container to container in one pod goes over localhost and never leaves the namespace', () => {
    const t = run(c, { from: 'web', container: 'nginx', to: 'web', port: 9102 });
    expect(t.verdict).toBe('delivered');
    expect(new Set(t.hops.map((h) => h.netns))).toEqual(new Set(['default/web']));
    expect(kinds(t.hops)).toEqual(['socket', 'route', 'loopback', 'deliver']);
    expect(last(t.hops)).toMatchObject({ container: 'metrics', device: 'lo' });
    expect(last(t.hops).packet).toMatchObject({ src: '127.0.0.1', dst: '127.0.0.1', dport: 9102 });
    expect(t.reply?.verdict).toBe('delivered');
  });

  it('pod to pod on one node is bridged at layer 2: no routing on the node, TTL untouched', () => {
    const t = run(c, { from: 'web', to: 'cache', port: 6379 });
    expect(t.verdict).toBe('delivered');
    expect(kinds(t.hops)).toEqual(['socket', 'route', 'arp', 'veth', 'bridge', 'veth', 'route', 'deliver']);
    expect(t.hops.filter((h) => h.netns === 'root').map((h) => h.kind)).toEqual(['bridge', 'veth']);
    expect(last(t.hops).packet).toMatchObject({ src: '10.244.1.2', dst: '10.244.1.3', ttl: 64 });
    expect(t.hops.find((h) => h.kind === 'bridge')!.rule).toMatch(/^0a:58:0a:f4:01:03 dev veth[0-9a-f]{8} master cni0$/);
  });

  it('pod to pod across nodes is routed by both nodes over the node network, addresses unchanged', () => {
    const t = run(c, { from: 'web', to: 'api', port: 8080 });
    expect(t.verdict).toBe('delivered');
    const routes = t.hops.filter((h) => h.kind === 'route').map((h) => `${h.node} ${h.rule}`);
    expect(routes).toEqual([
      'kind-worker default via 10.244.1.1 dev eth0',
      'kind-worker 10.244.2.0/24 via 172.18.0.4 dev eth0',
      'kind-worker2 10.244.2.0/24 dev cni0 proto kernel scope link src 10.244.2.1',
      'kind-worker2 local 10.244.2.2 dev eth0 proto kernel scope host src 10.244.2.2',
    ]);
    const wire = t.hops.find((h) => h.kind === 'wire')!;
    expect(wire.packet).toMatchObject({ srcMac: '02:42:ac:12:00:03', dstMac: '02:42:ac:12:00:04', ttl: 63 });
    expect(last(t.hops).packet).toMatchObject({ src: '10.244.1.2', dst: '10.244.2.2', sport: t.send.sport, dport: 8080, ttl: 62 });
    expect(last(t.hops).text).toMatch(/no NAT/);
    expect(t.reply!.verdict).toBe('delivered');
    expect(last(t.reply!.hops).packet).toMatchObject({ src: '10.244.2.2', dst: '10.244.1.2', sport: 8080, dport: t.send.sport, flags: 'SYN ACK' });
  });

  it('node to pod (a kubelet probe) leaves from the bridge address and reaches the pod directly', () => {
    const t = run(c, { from: 'node:kind-worker', to: 'web', port: 80 });
    expect(t.verdict).toBe('delivered');
    expect(t.send.src).toBe('10.244.1.1');
    expect(t.hops[1]!.rule).toBe('10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1');
    expect(last(t.hops)).toMatchObject({ netns: 'default/web', container: 'nginx' });
    expect(t.reply!.verdict).toBe('delivered');
    expect(last(t.reply!.hops)).toMatchObject({ node: 'kind-worker', netns: 'root' });
  });

  it('a node reaches a pod on another node from its own node address', () => {
    const t = run(c, { from: 'node:kind-worker', to: 'api', port: 8080 });
    expect(t.send.src).toBe('172.18.0.3');
    expect(t.verdict).toBe('delivered');
  });
});

describe('simulate: refusals and drops', () => {
  const c = clusterFrom(SCENARIO);

  it('answers a TCP connection to a closed port with RST, and the RST reaches the client', () => {
    const t = run(c, { from: 'web', to: 'api', port: 9999 });
    expect(t.verdict).toBe('refused');
    expect(t.code).toBe('tcp-reset');
    expect(last(t.hops).kind).toBe('refuse');
    expect(t.reply!.verdict).toBe('delivered');
    expect(t.reply!.hops[0]!.packet.flags).toBe('RST ACK');
  });

  it('answers UDP to a closed port with ICMP port unreachable', () => {
    const t = run(c, { from: 'web', to: 'api', port: 53, proto: 'udp' });
    expect(t.verdict).toBe('refused');
    expect(t.code).toBe('port-unreachable');
    expect(t.reply!.hops[0]!.packet).toMatchObject({ proto: 'icmp', flags: 'port-unreachable' });
  });

  it('lets the kernel answer a ping', () => {
    const t = run(c, { from: 'web', to: 'api', proto: 'icmp' });
    expect(t.verdict).toBe('delivered');
    expect(last(t.reply!.hops).packet.flags).toBe('echo-reply');
  });

  it('drops at the first node when a route is deleted, naming the missing route', () => {
    const broken = clusterFrom(`${SCENARIO}---
apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec:
  routes:
    - {node: kind-worker, op: del, route: 10.244.2.0/24}
    - {node: kind-worker, op: del, route: default}
`);
    const t = run(broken, { from: 'web', to: 'api', port: 8080 });
    expect(t.verdict).toBe('dropped');
    expect(t.code).toBe('no-route');
    expect(last(t.hops)).toMatchObject({ node: 'kind-worker', netns: 'root', kind: 'drop' });
  });

  it('ends a routing loop when the TTL runs out', () => {
    const loop = clusterFrom(`${SCENARIO}---
apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec:
  routes:
    - {node: kind-worker2, op: del, route: 10.244.2.0/24}
    - {node: kind-worker2, op: add, route: 10.244.2.0/24 via 172.18.0.3}
`);
    const t = run(loop, { from: 'web', to: 'api', port: 8080 });
    expect(t.verdict).toBe('dropped');
    expect(t.code).toBe('ttl-exceeded');
    const forwards = t.hops.filter((h) => h.kind === 'route' && h.before);
    expect(forwards).toHaveLength(63);
    expect(last(t.hops).packet.ttl).toBe(1);
  });

  it('drops when ARP gets no answer on the wire', () => {
    const t = run(c, { from: 'node:kind-worker', to: '172.18.0.99', port: 22 });
    expect(t.verdict).toBe('dropped');
    expect(t.code).toBe('neigh-failed');
    expect(last(t.hops).rule).toBe('172.18.0.99 dev eth0 FAILED');
  });

  it('does not route pod addresses out of the cluster: without masquerading the internet has no route back to a private address', () => {
    const noMasq = clusterFrom(`${SCENARIO}---
apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec: {egressMasquerade: false}
`);
    const t = run(noMasq, { from: 'web', to: 'external:example-web', port: 80 });
    expect(t.verdict).toBe('delivered');
    expect(last(t.hops).packet.src).toBe('10.244.1.2');
    expect(t.reply!.verdict).toBe('dropped');
    expect(t.reply!.code).toBe('no-route');
    expect(t.reply!.hops.map((h) => h.node)).toContain('gateway');
    expect(last(t.reply!.hops)).toMatchObject({ node: 'internet', kind: 'drop' });
    expect(last(t.reply!.hops).text).toMatch(/no route covers 10\.244\.1\.2/);
  });

  it('places a host-network container\'s socket on its container and delivers to its port on the node', () => {
    const hn = clusterFrom(`${SCENARIO}${pod('agent', 'kind-worker2', [['agent', 9100]])}`.replace('name: agent\n  namespace: default\nspec:\n', 'name: agent\n  namespace: default\nspec:\n  hostNetwork: true\n'));
    const t = run(hn, { from: 'agent', to: 'web', port: 80 });
    expect(t.hops[0]!.at).toBe('ctr:default/agent/agent');
    expect(t.send.src).toBe('172.18.0.4');
    const back = run(hn, { from: 'web', to: 'node:kind-worker2', port: 9100 });
    expect(last(back.hops)).toMatchObject({ at: 'ctr:default/agent/agent', container: 'agent', netns: 'root' });
  });

  it('reports an unknown pod or a missing port as an error, not a thrown exception', () => {
    expect(simulate(c, { from: 'nope', to: 'api', port: 1 })).toMatchObject({ ok: false });
    expect(simulate(c, { from: 'web', to: 'api' })).toMatchObject({ ok: false, error: expect.stringMatching(/port/) });
  });
});

describe('simulate: determinism and state', () => {
  const c = clusterFrom(SCENARIO);

  it('gives the same trace for the same input and seed, and a different port for another seed', () => {
    const a = run(c, { from: 'web', to: 'api', port: 8080 });
    const b = run(clusterFrom(SCENARIO), { from: 'web', to: 'api', port: 8080 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const other = run(c, { from: 'web', to: 'api', port: 8080, seed: 99 });
    expect(other.send.sport).not.toBe(a.send.sport);
  });

  it('fills ARP caches as packets move, so a second send needs no ARP, and leaves the input state alone', () => {
    const first = simulate(c, { from: 'web', to: 'api', port: 8080 });
    if (!first.ok) throw new Error(first.error);
    expect(sent(first.trace).hops.filter((h) => h.kind === 'arp')).toHaveLength(3);
    const again = simulate(c, { from: 'web', to: 'api', port: 8080 }, first.state);
    if (!again.ok) throw new Error(again.error);
    expect(sent(again.trace).hops.filter((h) => h.kind === 'arp')).toHaveLength(0);
    const fresh = simulate(c, { from: 'web', to: 'api', port: 8080 });
    if (!fresh.ok) throw new Error(fresh.error);
    expect(sent(fresh.trace).hops.filter((h) => h.kind === 'arp')).toHaveLength(3);
  });
});

describe('simulate: a terse send (what a reachability matrix runs)', () => {
  const c = clusterFrom(SCENARIO);
  const both = (send: SendSpec) => {
    const full = simulate(c, send);
    const terse = simulate(c, send, undefined, { terse: true });
    if (!full.ok || !terse.ok) throw new Error('the send failed');
    return { full: full.trace, terse: terse.trace };
  };
  const outline = (t: Trace) => ({ verdict: t.verdict, code: t.code, reason: t.reason, legs: t.exchanges.flatMap((e) => e.legs.map((l) => [l.name, l.verdict, l.code, l.rulesEvaluated, l.start, l.end])) });

  it('walks the same packets to the same verdict, and keeps none of the hops they passed', () => {
    const { full, terse } = both({ from: 'web', to: 'api', port: 8080 });
    expect(outline(terse)).toEqual(outline(full));
    expect(full.exchanges[0]!.legs[0]!.hops.length).toBeGreaterThan(5);
    expect(terse.exchanges.flatMap((e) => e.legs).every((l) => l.hops.length === 0)).toBe(true);
  });

  it('keeps the one hop that stopped a packet, as the full trace has it', () => {
    for (const send of [{ from: 'web', to: 'api', port: 9999 }, { from: 'node:kind-worker', to: '172.18.0.99', port: 22 }]) {
      const { full, terse } = both(send);
      expect(outline(terse)).toEqual(outline(full));
      const fullLeg = full.exchanges[0]!.legs[0]!;
      expect(terse.exchanges[0]!.legs[0]!.hops).toEqual([last(fullLeg.hops)]);
      expect(['refuse', 'drop']).toContain(last(fullLeg.hops).kind);
    }
  });
});
