// The whole internet: any public address can be reached and can be a client; private
// addresses beyond the gateway cannot, and the sender hears so.
import { describe, expect, it } from 'vitest';
import { run, last } from '../testing/trace';
import { clusterFrom, KIND_3, pod } from '../testing/build';
import { complement, isPublicAddress, publicRoutes, SPECIAL_PURPOSE } from '../cluster/internet';
import { cidrContains, ipToInt, parseCidr } from '../lib/ip';

const SCENARIO = `${KIND_3}${pod('web', 'kind-worker', [['nginx', 80]])}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 80, nodePort: 30080}]
`.replace('  name: web\n  namespace: default\n', '  name: web\n  namespace: default\n  labels: {app: web}\n');

describe('the internet router', () => {
  it('routes all public space and none of the special-purpose ranges', () => {
    const routes = publicRoutes();
    const covered = (ip: string) => routes.some((c) => cidrContains(c, ipToInt(ip)));
    for (const ip of ['93.184.216.34', '8.8.8.8', '1.1.1.1', '203.0.113.7', '198.51.100.200', '223.255.255.254']) expect(covered(ip)).toBe(true);
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '127.0.0.1', '169.254.169.254', '224.0.0.1', '255.255.255.255', '0.1.2.3']) expect(covered(ip)).toBe(false);
    // The routes cover exactly the complement: no overlap with a special range, no address left out.
    for (const c of routes) for (const s of SPECIAL_PURPOSE.map(parseCidr)) expect(cidrContains(s, c.net) || cidrContains(c, s.net)).toBe(false);
    expect(routes.reduce((n, c) => n + 2 ** (32 - c.prefix), 0) + SPECIAL_PURPOSE.map(parseCidr).reduce((n, c) => n + 2 ** (32 - c.prefix), 0)).toBe(2 ** 32);
  });

  it('computes the complement of nested and adjacent holes', () => {
    expect(complement([parseCidr('0.0.0.0/1')])).toEqual([parseCidr('128.0.0.0/1')]);
    expect(complement([parseCidr('128.0.0.0/2'), parseCidr('192.0.0.0/2'), parseCidr('0.0.0.0/1')])).toEqual([]);
    expect(isPublicAddress('300.1.1.1')).toBe(false);
  });
});

describe('egress to any public address', () => {
  const c = clusterFrom(SCENARIO);

  it('reaches an undeclared host through the gateway and the internet router, and the answer comes back', () => {
    const t = run(c, { from: 'web', to: '93.184.216.34', port: 80 });
    expect(t.verdict).toBe('delivered');
    expect([...new Set(t.hops.map((h) => h.node))]).toEqual(['kind-worker', 'gateway', 'internet', '93.184.216.34']);
    const at = last(t.hops);
    expect(at).toMatchObject({ at: 'host:internet', kind: 'deliver' });
    expect(at.packet).toMatchObject({ src: '172.18.0.3', dst: '93.184.216.34', dport: 80, ttl: 61 });
    expect(t.reply?.verdict).toBe('delivered');
    expect(last(t.reply!.hops).packet).toMatchObject({ src: '93.184.216.34', sport: 80, dst: '10.244.1.2', flags: 'SYN ACK' });
  });

  it('lets a host on the internet drop what it does not serve: the client hears nothing', () => {
    const t = run(c, { from: 'web', to: '93.184.216.34', port: 22 });
    expect(t.verdict).toBe('dropped');
    expect(t.code).toBe('filtered');
    expect(t.reply).toBeUndefined();
    expect(last(t.hops).text).toMatch(/firewall/);
  });

  it('answers a ping from a host on the internet', () => {
    const t = run(c, { from: 'web', to: '8.8.8.8', proto: 'icmp' });
    expect(t.verdict).toBe('delivered');
    expect(last(t.reply!.hops).packet).toMatchObject({ proto: 'icmp', flags: 'echo-reply', src: '8.8.8.8', dst: '10.244.1.2', sport: 0, dport: 0 });
    expect(last(t.reply!.hops).packet.icmp).toMatchObject({ type: 'echo-reply', id: t.trace.exchanges[0]!.tuple.icmpId, seq: 1 });
  });

  it('cannot reach a private address beyond the gateway: the internet router sends "network unreachable" back to the pod', () => {
    const t = run(c, { from: 'web', to: '10.99.0.5', port: 80 });
    expect(t.verdict).toBe('dropped');
    expect(t.code).toBe('no-route');
    expect(last(t.hops)).toMatchObject({ node: 'internet', kind: 'drop' });
    expect(t.reply).toMatchObject({ name: 'ICMP error', verdict: 'delivered' });
    const back = last(t.reply!.hops);
    expect(back.packet).toMatchObject({ proto: 'icmp', flags: 'net-unreachable', src: '192.0.2.254', dst: '10.244.1.2' });
    expect(back.text).toMatch(/Network is unreachable/);
    // conntrack on the node related the error to the masqueraded connection and gave back the pod's address.
    expect(t.reply!.hops.some((h) => h.kind === 'conntrack' && h.node === 'kind-worker')).toBe(true);
  });
});

describe('clients anywhere on the internet', () => {
  const c = clusterFrom(SCENARIO);

  it('lets an undeclared public address reach a NodePort, and the answer goes back to it', () => {
    const t = run(c, { from: 'external:203.0.113.77', to: 'node:kind-worker2', port: 30080 });
    expect(t.send.from).toBe('internet host 203.0.113.77');
    expect(t.verdict).toBe('delivered');
    expect(t.hops[0]).toMatchObject({ node: '203.0.113.77', at: 'host:internet' });
    expect(last(t.reply!.hops).packet).toMatchObject({ src: '172.18.0.4', sport: 30080, dst: '203.0.113.77' });
  });

  it('lets an undeclared public address reach a LoadBalancer, and the answer comes from the load balancer', () => {
    const t = run(c, { from: 'external:198.51.100.99', to: 'svc:default/web', port: 80 });
    expect(t.verdict).toBe('delivered');
    expect(last(t.hops)).toMatchObject({ netns: 'default/web', kind: 'deliver' });
    expect(last(t.reply!.hops).packet.src).toBe(t.send.dst);
  });

  it('refuses a private address as a client on the internet, with a reason', () => {
    expect(() => run(c, { from: 'external:10.1.1.1', to: 'node:kind-worker', port: 30080 })).toThrow(/not on the internet/);
  });
});
