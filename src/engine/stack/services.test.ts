import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { run, last, sent } from '../testing/trace';
import { clusterFrom } from '../testing/build';
import { servicesScenario } from '../testing/services-scenario';
import type { SentExchange as Trace } from '../testing/trace';
import type { ProxyMode } from '../model/types';

const MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables'];

const delivered = (t: Trace) => last(t.hops).packet;
const backAtClient = (t: Trace) => last(t.reply!.hops).packet;

describe.each(MODES)('Services in %s mode', (mode) => {
  const c = clusterFrom(servicesScenario(mode));
  const ip = (svc: string) => c.service(`default/${svc}`)!.clusterIP!;
  const podIp = (p: string) => c.pod(`default/${p}`)!.ip;

  it('DNATs a pod\'s connection to a ClusterIP to an endpoint on another node and un-NATs the answer', () => {
    const t = run(c, { from: 'client', to: 'svc:default/only-b', port: 80 });
    expect(t.verdict).toBe('delivered');
    expect(delivered(t)).toMatchObject({ src: podIp('client'), dst: podIp('web-b'), dport: 8080 });
    expect(last(t.hops).node).toBe('kind-worker2');
    expect(t.reply!.verdict).toBe('delivered');
    expect(backAtClient(t)).toMatchObject({ src: ip('only-b'), sport: 80, dst: podIp('client'), dport: t.send.sport });
    expect(t.hops.some((h) => h.kind === (mode === 'ipvs' ? 'ipvs' : 'nat') && h.before?.dst === ip('only-b'))).toBe(true);
    expect(t.hops.find((h) => h.kind === 'conntrack')!.rule).toMatch(new RegExp(`^tcp +6 120 SYN_SENT src=${podIp('client')} dst=${ip('only-b')} sport=\\d+ dport=80 \\[UNREPLIED\\] src=${podIp('web-b')} dst=${podIp('client')} sport=8080`));
  });

  it('reaches an endpoint on the client\'s own node without leaving it', () => {
    const t = run(c, { from: 'client', to: 'svc:default/only-a', port: 80 });
    expect(t.verdict).toBe('delivered');
    expect(new Set(t.hops.map((h) => h.node))).toEqual(new Set(['kind-worker']));
    expect(backAtClient(t).src).toBe(ip('only-a'));
  });

  it('refuses a connection to a Service without endpoints', () => {
    const t = run(c, { from: 'client', to: 'svc:default/empty', port: 80 });
    expect(t.verdict).toBe('refused');
    expect(t.reply!.verdict).toBe('delivered');
    expect(t.reply!.hops[0]!.packet).toMatchObject({ proto: 'icmp', flags: 'port-unreachable' });
  });

  it('masquerades a pod reaching itself through its own Service (hairpin)', () => {
    const t = run(c, { from: 'web-a', to: 'svc:default/only-a', port: 80 });
    expect(t.verdict).toBe('delivered');
    expect(delivered(t)).toMatchObject({ dst: podIp('web-a'), src: '10.244.1.1' });
    expect(t.reply!.verdict).toBe('delivered');
    expect(backAtClient(t)).toMatchObject({ src: ip('only-a'), dst: podIp('web-a') });
  });

  it('keeps a client on one endpoint with ClientIP affinity', () => {
    const first = simulate(c, { from: 'client', to: 'svc:default/sticky', port: 80 });
    if (!first.ok) throw new Error(first.error);
    const chosen = delivered(sent(first.trace)).dst;
    let state = first.state;
    for (let seed = 1; seed <= 6; seed++) {
      const next = simulate(c, { from: 'client', to: 'svc:default/sticky', port: 80, seed }, state);
      if (!next.ok) throw new Error(next.error);
      expect(delivered(sent(next.trace)).dst).toBe(chosen);
      state = next.state;
    }
  });

  it('spreads connections to a Service without affinity over its endpoints', () => {
    const seen = new Set<string>();
    let state = simulate(c, { from: 'client', to: 'svc:default/web', port: 80 });
    for (let i = 0; i < 8 && state.ok; i++) {
      seen.add(delivered(sent(state.trace)).dst);
      state = simulate(c, { from: 'client', to: 'svc:default/web', port: 80 }, state.state);
    }
    expect(seen).toEqual(new Set([podIp('web-a'), podIp('web-b')]));
  });

  it('relates the ICMP error of a closed UDP port behind a Service to its connection and un-NATs it', () => {
    const closed = clusterFrom(servicesScenario(mode, '---\napiVersion: v1\nkind: Service\nmetadata: {name: udp-closed}\nspec:\n  selector: {side: b}\n  ports: [{port: 53, protocol: UDP, targetPort: 9999}]\n'));
    const svcIp = closed.service('default/udp-closed')!.clusterIP!;
    const t = run(closed, { from: 'client', to: 'svc:default/udp-closed', port: 53, proto: 'udp' });
    expect(t.verdict).toBe('refused');
    expect(t.reply!.verdict).toBe('delivered');
    const back = last(t.reply!.hops).packet;
    expect(back).toMatchObject({ proto: 'icmp', flags: 'port-unreachable', dst: podIp('client') });
    expect(back.src).toBe(svcIp);
  });

  it('carries UDP to a Service and back', () => {
    const t = run(c, { from: 'client', to: 'svc:default/dns', port: 53, proto: 'udp' });
    expect(t.verdict).toBe('delivered');
    expect(delivered(t).dport).toBe(5353);
    expect(backAtClient(t)).toMatchObject({ src: ip('dns'), sport: 53 });
  });
});
