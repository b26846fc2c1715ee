// The records of the Kubernetes DNS specification's examples (../shared/reference/dns_reference.txt),
// asked of podpath's CoreDNS for the same kinds of objects: each answer has the example's name
// form, type and data form. The documented differences: TTL 30 (kubeadm's Corefile; the
// specification leaves TTLs open), addresses from this cluster, and SRV priority 0 with the
// weight of 100 shared among records (CoreDNS's backend_lookup.go; the examples show priority 10).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterFrom, KIND_3 } from '../testing/build';
import { clusterAnswer } from './records';

const reference = readFileSync(resolve(process.cwd(), '../shared/reference/dns_reference.txt'), 'utf8');
const records = reference.split('\n').filter((l) => /^\S+\.\s+\d+\s+IN\s+\w+\s+/.test(l)).map((l) => {
  const [name, ttl, , type, ...data] = l.split(/\s+/);
  return { name: name!, ttl: Number(ttl), type: type!, data: data.join(' ') };
});

// The specification's objects: Services kubernetes and headless (three endpoints, one with
// hostname my-pet), an ExternalName foo → www.example.com, in namespace default.
const c = clusterFrom(`${KIND_3}---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: my-pet}
spec:
  replicas: 1
  serviceName: headless
  selector: {matchLabels: {app: pets}}
  template:
    metadata: {labels: {app: pets}}
    spec: {containers: [{name: c, image: example/pet, ports: [{containerPort: 443, name: https}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: pet-2, labels: {app: pets}}
spec: {hostname: my-pet-2, subdomain: headless, containers: [{name: c, image: example/pet, ports: [{containerPort: 443, name: https}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: pet-3, labels: {app: pets}}
spec: {containers: [{name: c, image: example/pet, ports: [{containerPort: 443, name: https}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: headless}
spec: {clusterIP: None, selector: {app: pets}, ports: [{name: https, port: 443}]}
---
apiVersion: v1
kind: Service
metadata: {name: foo}
spec: {type: ExternalName, externalName: www.example.com}
`);

const ask = (name: string, type: Parameters<typeof clusterAnswer>[2]) => {
  const a = clusterAnswer(c, name, type);
  if (a === 'fallthrough') throw new Error(`${name} fell through`);
  return a.answers;
};
const ipOf = (pod: string) => c.pod(`default/${pod}`)!.ip;
const reverse = (ip: string) => `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
const spec = (name: string, type: string) => records.filter((r) => r.name === name && r.type === type);

describe('the DNS specification\'s records, as CoreDNS answers them in podpath', () => {
  it('reads the examples from dns_reference.txt', () => {
    expect(records.length).toBeGreaterThanOrEqual(13);
  });

  it('a ClusterIP Service: A with the ClusterIP, SRV for its named port, PTR for its address', () => {
    const [a] = spec('kubernetes.default.svc.cluster.local.', 'A');
    expect(ask(a!.name, 'A')).toEqual([{ name: a!.name, ttl: 30, type: 'A', data: c.service('default/kubernetes')!.clusterIP }]);
    const [srv] = spec('_https._tcp.kubernetes.default.svc.cluster.local.', 'SRV');
    const [, weight, port, target] = srv!.data.split(' ');
    expect(ask(srv!.name, 'SRV')).toEqual([{ name: srv!.name, ttl: 30, type: 'SRV', data: `0 ${weight} ${port} ${target}` }]);
    const [ptr] = records.filter((r) => r.type === 'PTR' && r.data === 'kubernetes.default.svc.cluster.local.');
    expect(ptr!.name).toBe('1.0.3.10.in-addr.arpa.');
    expect(ask(reverse(c.service('default/kubernetes')!.clusterIP!), 'PTR').map((r) => r.data)).toEqual([ptr!.data]);
  });

  it('a headless Service: one A per ready endpoint, A for an endpoint by hostname, SRV per endpoint, PTR to the hostname', () => {
    expect(spec('headless.default.svc.cluster.local.', 'A')).toHaveLength(3);
    expect(ask('headless.default.svc.cluster.local.', 'A').map((r) => r.data).sort()).toEqual([ipOf('my-pet-0'), ipOf('pet-2'), ipOf('pet-3')].sort());
    const [pet] = spec('my-pet.headless.default.svc.cluster.local.', 'A');
    expect(pet).toBeDefined();
    expect(ask('my-pet-0.headless.default.svc.cluster.local.', 'A').map((r) => r.data)).toEqual([ipOf('my-pet-0')]);
    const srvs = spec('_https._tcp.headless.default.svc.cluster.local.', 'SRV');
    expect(srvs).toHaveLength(3);
    const ours = ask('_https._tcp.headless.default.svc.cluster.local.', 'SRV').map((r) => r.data.split(' '));
    expect(ours.map((d) => d[3]).sort()).toEqual([`${ipOf('pet-3').replace(/\./g, '-')}.headless.default.svc.cluster.local.`, 'my-pet-0.headless.default.svc.cluster.local.', 'my-pet-2.headless.default.svc.cluster.local.'].sort());
    expect(ours.every((d) => d[0] === '0' && d[1] === '33' && d[2] === '443')).toBe(true);
    const [ptr] = records.filter((r) => r.type === 'PTR' && r.data.includes('.headless.'));
    expect(ptr!.data).toBe('my-pet.headless.default.svc.cluster.local.');
    expect(ask(reverse(ipOf('pet-2')), 'PTR').map((r) => r.data)).toEqual(['my-pet-2.headless.default.svc.cluster.local.']);
  });

  it('an ExternalName Service: a CNAME to the external name', () => {
    const [cname] = spec('foo.default.svc.cluster.local.', 'CNAME');
    expect(ask(cname!.name, 'A')).toEqual([{ name: cname!.name, ttl: 30, type: 'CNAME', data: cname!.data }]);
  });

  it('the schema version record, and the deprecated pod record a-b-c-d.<ns>.pod', () => {
    const [v] = spec('dns-version.cluster.local.', 'TXT');
    expect(v).toBeDefined();
    expect(ask('dns-version.cluster.local.', 'TXT')[0]!.type).toBe('TXT');
    expect(reference).toContain('10-244-1-5.default.pod.cluster.local. IN A 10.244.1.5');
    expect(ask('10-244-1-5.default.pod.cluster.local.', 'A').map((r) => r.data)).toEqual(['10.244.1.5']);
  });
});
