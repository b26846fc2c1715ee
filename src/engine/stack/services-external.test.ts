import { describe, expect, it } from 'vitest';
import { run, last } from '../testing/trace';
import { clusterFrom } from '../testing/build';
import { servicesScenario } from '../testing/services-scenario';
import type { ProxyMode } from '../model/types';
import { tablesOf } from '../format/tables';
import { GATEWAY_NETNS } from '../cluster/netns';
import { EMPTY_STATE } from './state';

const MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables'];


const ITP = `---
apiVersion: v1
kind: Service
metadata: {name: itp}
spec:
  internalTrafficPolicy: Local
  selector: {side: b}
  ports: [{port: 80, targetPort: 8080}]
`;

describe.each(MODES)('traffic from outside the cluster, %s mode', (mode) => {
  const c = clusterFrom(servicesScenario(mode, ITP));
  const worker = c.node('kind-worker')!;
  const podIp = (p: string) => c.pod(`default/${p}`)!.ip;

  it('takes a NodePort from an outside client, masquerades it (Cluster policy) and answers from the node', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const t = run(c, { from: 'external:client', to: 'node:kind-worker', port: 30080, seed });
      expect(t.verdict).toBe('delivered');
      const at = last(t.hops).packet;
      expect([podIp('web-a'), podIp('web-b')]).toContain(at.dst);
      expect(at.src).not.toBe('203.0.113.10');
      expect(t.reply!.verdict).toBe('delivered');
      expect(last(t.reply!.hops).packet).toMatchObject({ src: worker.ip, sport: 30080, dst: '203.0.113.10' });
    }
  });

  it('sends a LoadBalancer connection through the cloud load balancer to a node port, and back from the LB address', () => {
    const lb = c.service('default/lb')!;
    const t = run(c, { from: 'external:client', to: 'svc:default/lb', port: 80 });
    expect(t.verdict).toBe('delivered');
    const gw = t.hops.find((h) => h.node === 'gateway' && h.kind === 'nat')!;
    expect(gw.rule).toMatch(/-j DNAT --to-destination 172\.18\.0\.[34]:\d+$/);
    expect(last(t.reply!.hops).packet).toMatchObject({ src: lb.loadBalancerIP, sport: 80, dst: '203.0.113.10' });
  });

  it('lets a pod address a load balancer directly: kube-proxy catches the address on the pod\'s own node', () => {
    const lb = c.service('default/lb')!;
    const t = run(c, { from: 'client', to: 'lb:default/lb', port: 80 });
    expect(t.send.dst).toBe(lb.loadBalancerIP);
    expect(t.verdict).toBe('delivered');
    expect(t.hops.some((h) => h.node === 'gateway')).toBe(false);
    expect(last(t.reply!.hops).packet).toMatchObject({ src: lb.loadBalancerIP, sport: 80 });
  });

  it('keeps the client address with externalTrafficPolicy Local, and the load balancer only uses nodes that pass the health check', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const t = run(c, { from: 'external:client', to: 'svc:default/lb-local', port: 80, seed });
      expect(t.verdict).toBe('delivered');
      expect(last(t.hops).packet).toMatchObject({ src: '203.0.113.10', dst: podIp('web-b') });
      expect(t.hops.some((h) => h.node === 'kind-worker')).toBe(false);
    }
    const gw = tablesOf(c, EMPTY_STATE, GATEWAY_NETNS).find((x) => x.id === 'iptables-save')!.text;
    expect(gw).toMatch(/default\/lb-local -> kind-worker2/);
    expect(gw).not.toMatch(/default\/lb-local -> kind-worker"/);
  });

  it('drops a Local-policy node port on a node without a local endpoint (IPVS falls back to remote endpoints, and the answer misses)', () => {
    const t = run(c, { from: 'external:client', to: 'node:kind-worker', port: 30081 });
    if (mode === 'ipvs') {
      // kube-proxy's IPVS mode uses all endpoints when a node has no local one; without
      // masquerading, the answer goes back from the pod's own node with the pod's address.
      expect(t.verdict).toBe('delivered');
      expect(t.reply!.verdict).toBe('dropped');
      expect(last(t.reply!.hops).packet.src).toBe(podIp('web-b'));
      return;
    }
    expect(t.verdict).toBe('dropped');
    expect(last(t.hops).node).toBe('kind-worker');
  });

  it('takes a Service\'s external IP routed to a node and answers from it', () => {
    const t = run(c, { from: 'external:client', to: 'svc:default/ext', port: 8081 });
    expect(t.verdict).toBe('delivered');
    expect([podIp('web-a'), podIp('web-b')]).toContain(last(t.hops).packet.dst);
    expect(last(t.reply!.hops).packet).toMatchObject({ src: '172.18.0.4', sport: 8081, dst: '203.0.113.10' });
  });

  it('masquerades a pod\'s egress to the internet to its node address and un-NATs the answer', () => {
    const t = run(c, { from: 'client', to: 'external:example-web', port: 80 });
    expect(t.verdict).toBe('delivered');
    expect(last(t.hops).packet.src).toBe(worker.ip);
    expect(t.reply!.verdict).toBe('delivered');
    expect(last(t.reply!.hops).packet).toMatchObject({ src: '198.51.100.7', dst: podIp('client'), dport: t.send.sport });
  });

  it('stops traffic to an internalTrafficPolicy Local Service on a node without a local endpoint, and delivers where there is one', () => {
    // iptables and nftables DROP ("has no local endpoints"); IPVS has a virtual server with no real server and answers ICMP.
    expect(run(c, { from: 'client', to: 'svc:default/itp', port: 80 }).verdict).toBe(mode === 'ipvs' ? 'refused' : 'dropped');
    const t = run(c, { from: 'web-b', to: 'svc:default/itp', port: 80 });
    expect(t.verdict).toBe('delivered');
  });
});

describe('the kube-proxy modes differ where they should', () => {
  const hopsOf = (mode: ProxyMode) => run(clusterFrom(servicesScenario(mode)), { from: 'client', to: 'svc:default/only-b', port: 80 }).hops;

  it('writes the DNAT in KUBE-SEP chains (iptables), in IPVS (ipvs) and in nft endpoint chains (nftables)', () => {
    const ipt = hopsOf('iptables').find((h) => h.kind === 'nat')!;
    expect(ipt.steps!.map((s) => s.chain)).toEqual(expect.arrayContaining(['PREROUTING', 'KUBE-SERVICES']));
    expect(ipt.rule).toMatch(/^-A KUBE-SEP-[A-Z2-7]{16} .*-j DNAT --to-destination 10\.244\.2\.2:8080$/);
    const ipvs = hopsOf('ipvs');
    expect(ipvs.some((h) => h.kind === 'nat')).toBe(false);
    expect(ipvs.find((h) => h.kind === 'ipvs')!.rule).toMatch(/^TCP {2}10\.96\.\d+\.\d+:80 rr\n {2}-> 10\.244\.2\.2:8080 +Masq/);
    const nft = hopsOf('nftables').find((h) => h.kind === 'nat')!;
    expect(nft.steps!.some((s) => /vmap @service-ips/.test(s.rule))).toBe(true);
    expect(nft.rule).toMatch(/dnat to 10\.244\.2\.2:8080/);
  });
});

describe('the cloud load balancer\'s choice', () => {
  it('is said to be its own, not kube-proxy\'s', () => {
    const c = clusterFrom(servicesScenario('iptables'));
    const lbHop = run(c, { from: 'external:client', to: 'svc:default/lb', port: 80 }).hops.find((h) => h.node === 'gateway' && h.kind === 'nat')!;
    expect(lbHop.text).toMatch(/The load balancer picked one of its healthy nodes at random, its own choice/);
    expect(lbHop.text).not.toMatch(/kube-proxy/);
  });
});
