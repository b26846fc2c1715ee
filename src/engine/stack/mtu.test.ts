// Sizes and MTU: a SYN's MSS follows the route's MTU; a packet too big for the next device
// with DF set is dropped with ICMP "fragmentation needed", walked back to the sender, whose
// kernel learns the path MTU (TCP then sends smaller); without DF the sender fragments; a
// socket that forbids fragmentation is refused at once (EMSGSIZE) when its own route is too small.
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../scenarios/builtins';
import type { Cluster } from '../cluster/types';
import { tablesOf } from '../format/tables';
import { clusterFrom } from '../testing/build';
import type { TraceLeg } from '../trace/types';
import { simulate, type SendSpec } from './simulate';

const scenario = (id: string) => clusterFrom(BUILTIN_SCENARIOS.find((b) => b.id === id)!.yaml);
const remoteApi = (c: Cluster) => c.node('kind-worker2')!.pods.find((k) => k.startsWith('default/api'))!;

function legs(c: Cluster, send: Partial<SendSpec>) {
  const r = simulate(c, { from: 'web', to: remoteApi(c), port: 8080, ...send });
  if (!r.ok) throw new Error(r.error);
  const all: TraceLeg[] = r.trace.exchanges.flatMap((e) => e.legs);
  return { legs: all, state: r.state, leg: (name: string) => all.find((l) => l.name === name)! };
}
const lastHop = (l: TraceLeg) => l.hops[l.hops.length - 1]!;

describe('MSS and default sizes', () => {
  it('advertises the MSS of the route\'s MTU: 1410 behind flannel\'s 1450, 1440 behind Calico\'s tunl0 1480', () => {
    const mss = (id: string) => legs(scenario(id), {}).leg('SYN').hops.find((h) => h.packet.mss !== undefined)?.packet.mss;
    expect(mss('flannel')).toBe(1410);
    expect(mss('calico')).toBe(1440);
    expect(mss('default')).toBe(1460);
  });

  it('sizes a SYN at 60 bytes with DF, a bare UDP datagram at 28 and a ping at 84', () => {
    const c = scenario('default');
    expect(legs(c, {}).leg('SYN').hops[0]!.packet).toMatchObject({ size: 60, df: true });
    expect(legs(c, { proto: 'udp' }).legs[0]!.hops[0]!.packet.size).toBe(28);
    expect(legs(c, { proto: 'icmp' }).legs[0]!.hops[0]!.packet.size).toBe(84);
  });
});

describe('an MTU too big for the overlay (the flannel-mtu scenario)', () => {
  const c = scenario('flannel-mtu');

  it('drops the first full-size segment at the node with "fragmentation needed", learns the path MTU and retransmits smaller', () => {
    const t = legs(c, { size: 1500 });
    expect(t.legs.map((l) => `${l.name} ${l.verdict}`)).toEqual(['SYN delivered', 'SYN ACK delivered', 'data dropped', 'ICMP error delivered', 'retransmission delivered']);
    const data = t.leg('data');
    expect(data.code).toBe('frag-needed');
    expect(lastHop(data)).toMatchObject({ kind: 'drop', nsId: 'node/kind-worker' });
    expect(lastHop(data).packet).toMatchObject({ size: 1500, df: true });
    // Why an overlay's MTU is smaller, in the hop itself.
    expect(lastHop(data).text).toMatch(/flannel\.1, whose MTU is 1450/);
    expect(lastHop(data).text).toMatch(/tunnel: it must add its own headers/);
    const err = t.leg('ICMP error');
    expect(err.hops[0]!.packet.icmp).toMatchObject({ type: 'frag-needed', mtu: 1450 });
    expect(lastHop(err).nsId).toBe('pod/default/web');
    expect(lastHop(t.leg('retransmission')).packet.size).toBe(1450);
    // The learned path MTU is a route exception in the sender's namespace.
    const cache = tablesOf(c, t.state, 'pod/default/web').find((x) => x.id === 'routes-cache')!;
    expect(cache.text).toBe(`${c.pod(remoteApi(c))!.ip} via 10.244.1.1 dev eth0 \n    cache expires 600sec mtu 1450 \n`);
  });

  it('sizes the segment by the handshake\'s MSS in a terse send too, which records no hop to read it from', () => {
    // Asked for more than the MSS allows: the segment is capped at the full 1500 bytes, not refused at the pod (EMSGSIZE).
    const r = simulate(c, { from: 'web', to: remoteApi(c), port: 8080, size: 1600 }, undefined, { terse: true });
    if (!r.ok) throw new Error(r.error);
    const all = r.trace.exchanges.flatMap((e) => e.legs);
    expect(all.map((l) => `${l.name} ${l.verdict}`)).toEqual(['SYN delivered', 'SYN ACK delivered', 'data dropped', 'ICMP error delivered', 'retransmission delivered']);
    expect(all.find((l) => l.name === 'data')!.hops).toEqual([lastHop(legs(c, { size: 1600 }).leg('data'))]);
  });

  it('makes ping fail as iputils prints it: Frag needed and DF set (mtu = 1450)', () => {
    const t = legs(c, { proto: 'icmp', size: 1500 });
    expect(t.legs[0]!.code).toBe('frag-needed');
    expect(lastHop(t.legs[1]!).text).toContain('Frag needed and DF set (mtu = 1450)');
  });

  it('does the same to a UDP datagram with DF, and the next send already knows the path MTU', () => {
    const first = legs(c, { proto: 'udp', size: 1500, df: true });
    expect(first.legs[0]!.code).toBe('frag-needed');
    const again = simulate(c, { from: 'web', to: remoteApi(c), port: 8080, proto: 'udp', size: 1500, df: true }, first.state);
    if (!again.ok) throw new Error(again.error);
    expect(again.trace.exchanges[0]!.legs[0]!.code).toBe('message-too-long');
  });
});

describe('fragments and local refusals on a plain overlay (flannel, pods at MTU 1450)', () => {
  const c = scenario('flannel');

  it('refuses a ping that forbids fragmentation and does not fit eth0 (EMSGSIZE), before it leaves the pod', () => {
    const t = legs(c, { proto: 'icmp', size: 1500, df: true });
    expect(t.legs).toHaveLength(1);
    expect(t.legs[0]!.code).toBe('message-too-long');
    expect(lastHop(t.legs[0]!)).toMatchObject({ kind: 'drop', nsId: 'pod/default/web', device: 'eth0' });
    expect(lastHop(t.legs[0]!).text).toContain('ping: local error: message too long, mtu=1450');
  });

  it('fragments a big UDP datagram without DF in the sender, and the fragments cross the tunnel', () => {
    const t = legs(c, { proto: 'udp', size: 3000 });
    const out = t.legs[0]!;
    const frag = out.hops.find((h) => h.kind === 'fragment')!;
    expect(frag).toMatchObject({ nsId: 'pod/default/web', device: 'eth0' });
    expect(frag.packet.frag).toEqual({ count: 3, size: 1444 });
    expect(frag.packet.df).toBe(false);
    // They reached the destination (which refuses: nothing listens on UDP 8080 there).
    expect(lastHop(out)).toMatchObject({ kind: 'refuse', nsId: `pod/${remoteApi(c)}` });
    expect(out.hops.find((h) => h.kind === 'encap')!.packet.outer[0]!.size).toBe(1494);
  });
});
