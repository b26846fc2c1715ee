// /etc/resolv.conf for each dnsPolicy, as the kubelet and containerd write it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterFrom, KIND_3 } from '../testing/build';
import { formatResolvConf, resolvConfOf, resolverOptions } from './resolvconf';

const reference = readFileSync(resolve(process.cwd(), '../shared/reference/dns_reference.txt'), 'utf8');
/** The resolv.conf block of dns_reference.txt: the lines between its heading and the next comment. */
const referenceResolvConf = (() => {
  const lines = reference.split('\n');
  const start = lines.findIndex((l) => l.startsWith('# ---- /etc/resolv.conf of a pod in namespace "default"'));
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) { if (l.startsWith('#')) break; out.push(l); }
  return `${out.join('\n')}\n`;
})();

const pod = (name: string, extra: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: default}
spec:
  nodeName: kind-worker
${extra}  containers: [{name: c, image: busybox}]
`;

const c = clusterFrom(`${KIND_3}---
apiVersion: kind.x-k8s.io/v1alpha4
kind: Cluster
nodes: [{role: control-plane}, {role: worker}]
networking: {serviceSubnet: 10.96.0.0/12}
${pod('plain', '')}${pod('host', '  hostNetwork: true\n')}${pod('hostcf', '  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n')}${pod('dflt', '  dnsPolicy: Default\n')}${pod('none', `  dnsPolicy: None
  dnsConfig:
    nameservers: [192.0.2.1]
    searches: [ns1.svc.cluster-domain.example, my.dns.search.suffix]
    options: [{name: ndots, value: "2"}, {name: edns0}]
`)}${pod('extra', `  dnsConfig:
    nameservers: [1.1.1.1]
    searches: [corp.example]
    options: [{name: ndots, value: "1"}]
`)}`.replace(KIND_3, ''));

const text = (key: string) => {
  const p = c.pod(`default/${key}`)!;
  return formatResolvConf(resolvConfOf(c, c.netns(p.netns), p.key));
};

describe('a pod\'s /etc/resolv.conf', () => {
  it('is, with ClusterFirst in namespace default and kubeadm\'s defaults, byte for byte the file in dns_reference.txt', () => {
    expect(referenceResolvConf).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(text('plain')).toBe(referenceResolvConf);
  });

  it('falls back to the node\'s file for a host-network pod with ClusterFirst, unless it asks for ClusterFirstWithHostNet', () => {
    expect(text('host')).toBe('nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n');
    expect(text('hostcf')).toBe(referenceResolvConf);
    expect(text('dflt')).toBe('nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n');
  });

  it('takes only dnsConfig with dnsPolicy None, as the upstream example shows', () => {
    expect(text('none')).toBe('search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n');
  });

  it('appends dnsConfig to what the policy gives, and dnsConfig\'s options replace the same option', () => {
    expect(text('extra')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\nnameserver 1.1.1.1\noptions ndots:1\n');
  });

  it('reads the options as glibc does: ndots, timeout 5 and 2 attempts by default', () => {
    expect(resolverOptions({ nameservers: [], search: [], options: ['ndots:5'] })).toEqual({ ndots: 5, timeout: 5, attempts: 2, edns0: false });
    expect(resolverOptions({ nameservers: [], search: [], options: ['ndots:99', 'timeout:2', 'attempts:3', 'edns0'] })).toEqual({ ndots: 15, timeout: 2, attempts: 3, edns0: true });
  });
});
