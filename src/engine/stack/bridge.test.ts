// The bridge plugin's same-node Service path: br_netfilter runs iptables on bridged frames, so
// kube-proxy's DNAT happens on cni0 and, the backend being on the same bridge, the frame is
// bridged again rather than routed: it keeps TTL 64 and the client's MAC. A pod that reaches
// itself through its Service needs the port's hairpin flag; a promiscuous bridge without it
// hands the frame up to the node, which routes it back (TTL 63, cni0's MAC).
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../scenarios/builtins';
import type { Cluster } from '../cluster/types';
import { clusterFrom } from '../testing/build';
import { last, run, type SentExchange } from '../testing/trace';

const DEFAULT = BUILTIN_SCENARIOS.find((b) => b.id === 'default')!.yaml;
const bridge = (lines: string) => clusterFrom(DEFAULT.replace('spec:\n  seed: 7', `spec:\n  seed: 7\n  bridge:\n${lines}`));
const localApi = (c: Cluster) => c.node('kind-worker')!.pods.find((k) => k.startsWith('default/api'))!;
const mac = (c: Cluster, ns: string, dev: string) => c.netns(ns).devices.find((d) => d.name === dev)!.mac;

/** A Service send whose backend the seed picks to be `backend`. */
function toService(c: Cluster, from: string, backend: string): SentExchange {
  for (let seed = 1; seed < 40; seed++) {
    const t = run(c, { from, to: 'svc:default/api', port: 80, seed });
    if (t.verdict !== 'delivered' || last(t.hops).nsId === `pod/${backend}`) return t;
  }
  throw new Error(`no seed picked ${backend}`);
}

describe('the bridge plugin on one node', () => {
  const c = clusterFrom(DEFAULT);

  it('bridges a Service connection to a backend on the same bridge again after DNAT: TTL 64 and the client\'s MAC', () => {
    const api = localApi(c);
    const t = toService(c, 'web', api);
    expect(t.verdict).toBe('delivered');
    const arrived = last(t.hops).packet;
    expect(arrived.dst).toBe(c.pod(api)!.ip);
    expect(arrived.ttl).toBe(64);
    expect(arrived.srcMac).toBe(mac(c, 'pod/default/web', 'eth0'));
    // DNAT happened on the bridge (br_netfilter), and no route hop on the node.
    expect(t.hops.find((h) => h.kind === 'nat')?.device).toBe('cni0');
    expect(t.hops.some((h) => h.kind === 'route' && h.nsId === 'node/kind-worker')).toBe(false);
    expect(t.reply?.verdict).toBe('delivered');
  });

  it('sends a pod\'s packet to itself through its Service back out of its port in hairpin mode (the default)', () => {
    const api = localApi(c);
    const t = toService(c, api, api);
    expect(t.verdict).toBe('delivered');
    expect(last(t.hops).nsId).toBe(`pod/${api}`);
    expect(last(t.hops).packet.ttl).toBe(64);
    expect(t.reply?.verdict).toBe('delivered');
  });

  it('drops that packet at the bridge without hairpin mode', () => {
    const off = bridge('    hairpinMode: false');
    const api = localApi(off);
    const t = toService(off, api, api);
    expect(t.verdict).toBe('dropped');
    expect(t.code).toBe('hairpin');
    expect(last(t.hops)).toMatchObject({ kind: 'drop', device: 'cni0' });
    expect(off.netns('node/kind-worker').devices.filter((d) => d.master === 'cni0').every((d) => !d.hairpin)).toBe(true);
  });

  it('with a promiscuous bridge and no hairpin, hands the frame up to the node, which routes it back', () => {
    const promisc = bridge('    hairpinMode: false\n    promiscMode: true');
    const api = localApi(promisc);
    const t = toService(promisc, api, api);
    expect(t.verdict).toBe('delivered');
    expect(last(t.hops).packet.ttl).toBe(63);
    expect(last(t.hops).packet.srcMac).toBe(mac(promisc, 'node/kind-worker', 'cni0'));
    expect(t.hops.some((h) => h.kind === 'route' && h.nsId === 'node/kind-worker')).toBe(true);
  });
});
