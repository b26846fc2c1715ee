import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printHosts, printResolvConf } from './etc-files';
import { expandTabs, parseFixture } from './testing/fixture';

const fixture = (name: string) => parseFixture(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('printHosts (kubelet managedHostsFileContent)', () => {
  it('writes the hostAliases block as the Kubernetes documentation shows it', () => {
    const out = printHosts({ podIPs: ['10.200.0.5'], hostname: 'hostaliases-pod', hostAliases: [
      { ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] }, { ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] }] });
    expect(out).toBe(fixture('hosts-hostaliases.txt').stdout);
  });

  it('writes the FQDN before the short name for a pod with a subdomain', () => {
    const out = printHosts({ podIPs: ['172.17.0.3'], hostname: 'pod-hostname', hostDomain: 'pod-subdomain.default.svc.cluster.local' });
    expect(expandTabs(out)).toBe(fixture('hosts-subdomain.txt').stdout);
  });

  it('writes one line per pod IP for a dual-stack pod', () => {
    expect(printHosts({ podIPs: ['10.244.1.4', '2001:db8::4'], hostname: 'pod01' }).split('\n').slice(7, 9))
      .toEqual(['10.244.1.4\tpod01', '2001:db8::4\tpod01']);
  });

  it('copies the node\'s file under its own header for a hostNetwork pod', () => {
    const node = '127.0.0.1\tlocalhost\n172.18.0.3\tkind-worker\n';
    expect(printHosts({ podIPs: ['172.18.0.3'], hostname: 'kube-proxy-x', hostNetwork: { nodeHosts: node },
      hostAliases: [{ ip: '10.1.2.3', hostnames: ['db'] }] }))
      .toBe(`# Kubernetes-managed hosts file (host network).\n${node}\n# Entries added by HostAliases.\n10.1.2.3\tdb\n`);
  });
});

describe('printResolvConf (containerd CRI parseDNSOptions)', () => {
  it('writes search, nameserver and options in containerd\'s order, as the reference shows', () => {
    const out = printResolvConf({ searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], nameservers: ['10.96.0.10'], options: ['ndots:5'] });
    expect(out).toBe(fixture('resolv-conf-clusterfirst.txt').stdout);
  });

  it('writes one nameserver line per server and leaves out empty parts', () => {
    expect(printResolvConf({ searches: [], nameservers: ['1.1.1.1', '8.8.8.8'], options: [] })).toBe('nameserver 1.1.1.1\nnameserver 8.8.8.8\n');
  });
});
