// The cluster zone as CoreDNS's kubernetes plugin answers it (and the DNS specification
// asks), record by record.
import { describe, expect, it } from 'vitest';
import { clusterAnswer, soa } from './records';
import { dnsCluster } from './testing';

const c = dnsCluster();
const ans = (name: string, type: Parameters<typeof clusterAnswer>[2] = 'A') => {
  const a = clusterAnswer(c, name, type);
  if (a === 'fallthrough') throw new Error(`${name} fell through`);
  return a;
};
const lines = (rs: readonly { name: string; ttl: number; type: string; data: string }[]) => rs.map((r) => `${r.name} ${r.ttl} IN ${r.type} ${r.data}`);
const svc = (key: string) => c.service(key)!;
const podsOf = (prefix: string) => c.pods.filter((p) => p.key.startsWith(prefix));

describe('Services', () => {
  it('answers a ClusterIP Service\'s A record with its ClusterIP, TTL 30 as kubeadm\'s Corefile sets it', () => {
    expect(lines(ans('api.shop.svc.cluster.local.').answers)).toEqual([`api.shop.svc.cluster.local. 30 IN A ${svc('shop/api').clusterIP}`]);
    expect(lines(ans('kubernetes.default.svc.cluster.local').answers)).toEqual(['kubernetes.default.svc.cluster.local. 30 IN A 10.96.0.1']);
  });

  it('is NODATA for AAAA in an IPv4 cluster: NOERROR, no answer, the zone\'s SOA', () => {
    const a = ans('api.shop.svc.cluster.local.', 'AAAA');
    expect(a).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(lines(a.authority)).toEqual(['cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1796083200 7200 1800 86400 30']);
  });

  it('gives a headless Service one A record per ready endpoint, and none for the pod that is not ready', () => {
    const ready = podsOf('shop/db-').filter((p) => p.spec.ready).map((p) => p.ip);
    expect(ready).toHaveLength(3);
    expect(c.pod('shop/db-spare')?.spec.ready).toBe(false);
    expect(ans('db.shop.svc.cluster.local.').answers.map((r) => r.data).sort()).toEqual([...ready].sort());
  });

  it('is NXDOMAIN for a headless Service without ready endpoints', () => {
    expect(ans('empty.shop.svc.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN', answers: [], authority: [soa('cluster.local')] });
  });

  it('names a StatefulSet pod under its headless Service: <hostname>.<subdomain>.<ns>.svc', () => {
    const db1 = c.pod('shop/db-1')!;
    expect(lines(ans('db-1.db.shop.svc.cluster.local.').answers)).toEqual([`db-1.db.shop.svc.cluster.local. 30 IN A ${db1.ip}`]);
    expect(ans('db-9.db.shop.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('answers a CNAME for an ExternalName Service and asks CoreDNS to resolve its target', () => {
    const a = ans('foo.default.svc.cluster.local.');
    expect(lines(a.answers)).toEqual(['foo.default.svc.cluster.local. 30 IN CNAME www.example.com.']);
    expect(a.chase).toBe('www.example.com.');
  });

  it('matches names without regard to case', () => {
    expect(ans('API.Shop.SVC.cluster.LOCAL.').answers).toHaveLength(1);
  });
});

describe('SRV records', () => {
  it('exist for named ports only, priority 0 and weight 100 as CoreDNS writes them, with the target\'s A as additional', () => {
    const a = ans('_http._tcp.api.shop.svc.cluster.local.', 'SRV');
    expect(lines(a.answers)).toEqual(['_http._tcp.api.shop.svc.cluster.local. 30 IN SRV 0 100 80 api.shop.svc.cluster.local.']);
    expect(lines(a.additional)).toEqual([`api.shop.svc.cluster.local. 30 IN A ${svc('shop/api').clusterIP}`]);
    expect(ans('_metrics._udp.api.shop.svc.cluster.local.', 'SRV').answers).toHaveLength(1);
    expect(ans('_metrics._tcp.api.shop.svc.cluster.local.', 'SRV').rcode).toBe('NXDOMAIN');
    expect(ans('_http._tcp.kubernetes.default.svc.cluster.local.', 'SRV').rcode).toBe('NXDOMAIN');
    expect(lines(ans('_https._tcp.kubernetes.default.svc.cluster.local.', 'SRV').answers)).toEqual(['_https._tcp.kubernetes.default.svc.cluster.local. 30 IN SRV 0 100 443 kubernetes.default.svc.cluster.local.']);
  });

  it('point a headless Service\'s port at each endpoint\'s name, sharing the weight of 100', () => {
    const a = ans('_pg._tcp.db.shop.svc.cluster.local.', 'SRV');
    const n = podsOf('shop/db-').filter((p) => p.spec.ready).length;
    expect(a.answers.map((r) => r.data).sort()).toEqual(Array.from({ length: n }, (_, i) => `0 ${Math.floor(100 / n)} 5432 db-${i}.db.shop.svc.cluster.local.`).sort());
    expect(a.additional).toHaveLength(n);
  });
});

describe('pods and reverse lookups', () => {
  it('answers any dashed address in an existing namespace ("pods insecure"), and nothing in a namespace that does not exist', () => {
    expect(lines(ans('10-244-9-9.shop.pod.cluster.local.').answers)).toEqual(['10-244-9-9.shop.pod.cluster.local. 30 IN A 10.244.9.9']);
    expect(ans('10-244-9-9.nowhere.pod.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ans('10-244-9.shop.pod.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('answers PTR for a ClusterIP with the Service, and for an endpoint with its name under each Service', () => {
    expect(lines(ans('1.0.96.10.in-addr.arpa.', 'PTR').answers)).toEqual(['1.0.96.10.in-addr.arpa. 30 IN PTR kubernetes.default.svc.cluster.local.']);
    const db0 = c.pod('shop/db-0')!.ip;
    expect(ans(`${db0.split('.').reverse().join('.')}.in-addr.arpa.`, 'PTR').answers.map((r) => r.data)).toEqual(['db-0.db.shop.svc.cluster.local.']);
    const api = podsOf('shop/api-')[0]!.ip;
    expect(ans(`${api.split('.').reverse().join('.')}.in-addr.arpa.`, 'PTR').answers.map((r) => r.data)).toEqual([`${api.replace(/\./g, '-')}.api.shop.svc.cluster.local.`]);
  });

  it('passes names outside its zones and unknown addresses on (fallthrough) to the forward plugin', () => {
    expect(clusterAnswer(c, 'example.com.', 'A')).toBe('fallthrough');
    expect(clusterAnswer(c, '34.216.184.93.in-addr.arpa.', 'PTR')).toBe('fallthrough');
  });

  it('knows the zone apex and the schema version', () => {
    expect(ans('cluster.local.', 'SOA').answers).toEqual([soa('cluster.local')]);
    expect(lines(ans('dns-version.cluster.local.', 'TXT').answers)).toEqual(['dns-version.cluster.local. 30 IN TXT "1.1.0"']);
    expect(ans('nothing.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ans('shop.svc.cluster.local.')).toMatchObject({ rcode: 'NOERROR', answers: [] });
  });
});
