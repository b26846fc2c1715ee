// Name lookup as glibc does it: the search list and ndots, A and AAAA per name, every query a
// walked UDP exchange to the cluster DNS and, for names outside the cluster, on to the
// node's resolver and the public resolver.
import { describe, expect, it } from 'vitest';
import { Conversation } from '../conversation/conversation';
import { resolveSource } from '../stack/endpoints';
import { clusterFrom, KIND_3, pod } from '../testing/build';
import { candidates, getaddrinfo } from './glibc';
import { dnsCluster } from './testing';

function lookup(c: ReturnType<typeof dnsCluster>, from: string, name: string, family: 'any' | 'inet' = 'any') {
  const src = resolveSource(c, from);
  if (!src.ok) throw new Error(src.error);
  const conv = new Conversation(c, 7);
  const r = getaddrinfo(conv, { sender: src.value, name, family, program: 'curl' });
  return { r, exchanges: conv.exchanges };
}

describe('the names glibc tries', () => {
  const search = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];
  it('walks the search list first for a name with fewer dots than ndots, then the name itself', () => {
    expect(candidates('example.com', search, 5)).toEqual(['example.com.default.svc.cluster.local', 'example.com.svc.cluster.local', 'example.com.cluster.local', 'example.com']);
  });
  it('tries the name first when it has at least ndots dots, and only the name with a trailing dot', () => {
    expect(candidates('example.com', search, 1)).toEqual(['example.com', ...search.map((d) => `example.com.${d}`)]);
    expect(candidates('example.com.', search, 5)).toEqual(['example.com.']);
  });
});

describe('getaddrinfo in a pod with ndots:5', () => {
  const c = dnsCluster();

  it('finds a Service in its own namespace with the first search domain: two queries, A and AAAA', () => {
    const { r, exchanges } = lookup(c, 'default/web', 'kubernetes');
    expect(r.outcome).toEqual({ kind: 'found', addresses: ['10.96.0.1'], canonical: 'kubernetes.default.svc.cluster.local' });
    expect(exchanges.map((e) => e.title)).toEqual(['look up kubernetes.default.svc.cluster.local (A)', 'look up kubernetes.default.svc.cluster.local (AAAA)']);
  });

  it('finds api.shop on the second search domain, after an NXDOMAIN pair', () => {
    const { r, exchanges } = lookup(c, 'default/web', 'api.shop');
    expect(r.outcome.kind).toBe('found');
    expect(exchanges.map((e) => `${e.title} ${e.result}`)).toEqual([
      'look up api.shop.default.svc.cluster.local (A) NXDOMAIN', 'look up api.shop.default.svc.cluster.local (AAAA) NXDOMAIN',
      `look up api.shop.svc.cluster.local (A) A ${c.service('shop/api')!.clusterIP}`, 'look up api.shop.svc.cluster.local (AAAA) NOERROR, no records (NODATA)',
    ]);
  });

  it('costs eight queries for example.com: three search domains answered by CoreDNS, then the name forwarded upstream', () => {
    const { r, exchanges } = lookup(c, 'default/web', 'example.com');
    expect(r.outcome.kind).toBe('found');
    const own = exchanges.filter((e) => e.parent === undefined);
    expect(own).toHaveLength(8);
    expect(own.slice(0, 6).every((e) => e.result === 'NXDOMAIN')).toBe(true);
    // CoreDNS forwards example.com to the node's resolver (docker's DNS on the gateway), which asks the public resolver.
    const forwards = exchanges.filter((e) => e.parent !== undefined);
    expect(forwards.map((e) => `${e.from} -> ${e.to}`)).toEqual([
      expect.stringMatching(/^pod kube-system\/coredns-\S+ -> nameserver 172\.18\.0\.1$/), 'the gateway -> nameserver 8.8.8.8',
      expect.stringMatching(/^pod kube-system\/coredns-\S+ -> nameserver 172\.18\.0\.1$/), 'the gateway -> nameserver 8.8.8.8',
    ]);
    // Every query from the pod goes to the kube-dns ClusterIP from one source port, and is DNATed to a CoreDNS pod.
    expect(new Set(own.map((e) => `${e.tuple.sport}>${e.tuple.dst}:${e.tuple.dport}`)).size).toBe(1);
    const delivered = own[0]!.legs[0]!.hops.at(-1)!;
    expect(delivered.netns).toMatch(/^kube-system\/coredns-/);
  });

  it('uses the same CoreDNS pod for every query of one lookup: conntrack keeps the first DNAT', () => {
    const { exchanges } = lookup(c, 'default/web', 'nosuch.example');
    const pods = exchanges.filter((e) => e.parent === undefined).map((e) => e.legs[0]!.hops.at(-1)!.netns);
    expect(new Set(pods).size).toBe(1);
    const natHops = exchanges.filter((e) => e.parent === undefined).map((e) => e.legs[0]!.hops.filter((h) => h.kind === 'nat').length);
    expect(natHops[0]).toBe(1);
    expect(natHops.slice(1).every((n) => n === 0)).toBe(true);
  });

  it('asks only A for an IPv4-only program, and nothing at all for a literal address or a name in /etc/hosts', () => {
    expect(lookup(c, 'default/web', 'kubernetes', 'inet').exchanges).toHaveLength(1);
    expect(lookup(c, 'default/web', '10.96.0.1').r).toMatchObject({ queries: 0, source: 'literal' });
    expect(lookup(c, 'default/web', 'web').r).toMatchObject({ queries: 0, source: 'hosts', outcome: { kind: 'found', addresses: [c.pod('default/web')!.ip] } });
    expect(lookup(c, 'default/web', 'localhost').r.outcome).toEqual({ kind: 'found', addresses: ['127.0.0.1'] });
  });

  it('reports not-found after every name was NXDOMAIN', () => {
    const { r } = lookup(c, 'default/web', 'nosuch');
    expect(r.outcome).toEqual({ kind: 'not-found' });
    expect(r.tried).toEqual(['nosuch.default.svc.cluster.local.', 'nosuch.svc.cluster.local.', 'nosuch.cluster.local.', 'nosuch.']);
  });
});

describe('getaddrinfo with ndots:1 and without a cluster DNS', () => {
  it('asks example.com first with ndots:1: two queries', () => {
    const c = clusterFrom(`${KIND_3}---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  nodeName: kind-worker
  dnsConfig: {options: [{name: ndots, value: "1"}]}
  containers: [{name: c, image: busybox}]
`);
    const { r, exchanges } = lookup(c, 'default/web', 'example.com');
    expect(r.outcome.kind).toBe('found');
    expect(exchanges.filter((e) => e.parent === undefined)).toHaveLength(2);
  });

  it('gives up at once when the cluster has no DNS: the query to 10.96.0.10 meets an ICMP "network unreachable"', () => {
    const c = clusterFrom(`${KIND_3}---
apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec: {systemPods: false}
${pod('web', 'kind-worker', [['c']])}`);
    const { r, exchanges } = lookup(c, 'default/web', 'kubernetes');
    expect(r.outcome).toEqual({ kind: 'unreachable', server: '10.96.0.10' });
    expect(exchanges.map((e) => e.legs.map((l) => l.name).join('+'))).toEqual(['DNS query+ICMP error', 'DNS query+ICMP error']);
  });

  it('times out when the nameserver never answers: two tries of A and AAAA five seconds apart, then TRY_AGAIN ends the search', () => {
    const c = clusterFrom(`${KIND_3}---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  nodeName: kind-worker
  dnsPolicy: None
  dnsConfig: {nameservers: [93.184.216.34], searches: [corp.example]}
  containers: [{name: c, image: busybox}]
`);
    const src = resolveSource(c, 'default/web');
    if (!src.ok) throw new Error(src.error);
    const conv = new Conversation(c, 7);
    const r = getaddrinfo(conv, { sender: src.value, name: 'intranet', family: 'any', program: 'curl' });
    expect(r.outcome).toEqual({ kind: 'timeout', server: '93.184.216.34' });
    expect(conv.exchanges.map((e) => `${e.title} ${e.verdict} ${e.code}`)).toEqual([
      'look up intranet.corp.example (A) dropped filtered', 'look up intranet.corp.example (AAAA) dropped filtered',
      'look up intranet.corp.example (A) dropped filtered', 'look up intranet.corp.example (AAAA) dropped filtered',
    ]);
    expect(conv.now).toBeGreaterThanOrEqual(10_000);
  });
});
