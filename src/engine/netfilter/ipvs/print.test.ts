import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glibcMsort, printIpAddrKubeIpvs0, printIpsetList, printIpvsadmLn } from './print';
import { writeIpvsState } from '../../kubeproxy/ipvs-writer';
import { testEndpoint } from '../../kubeproxy/testing/fake-proxier';
import { overallNFTablesRules } from '../../kubeproxy/testing/golden-scenarios';
import type { ProxyEndpoint, ProxyInput, ProxyServiceEntry, ProxyServicePort } from '../../kubeproxy/types';

const overall = overallNFTablesRules();

const reference = readFileSync(new URL('../../../../../shared/reference/ipvs_mode_reference.txt', import.meta.url), 'utf8');

function block(after: string, lines: number): string {
  const all = reference.split('\n');
  const at = all.findIndex((l) => l.startsWith(after));
  return `${all.slice(at + 1, at + 1 + lines).join('\n')}\n`;
}

const port0 = overall.services[0]!.port;
const ep = (ip: string, port: number): ProxyEndpoint => testEndpoint(ip, port);
const svc = (p: Partial<ProxyServicePort>, endpoints: ProxyEndpoint[]): ProxyServiceEntry => ({
  port: { ...port0, ...p },
  endpoints,
});
const cluster = (services: ProxyServiceEntry[]): ProxyInput => ({
  ...overall,
  nodePortAddresses: [],
  localDetector: { mode: 'ClusterCIDR', cidr: '10.244.0.0/16' },
  services,
});

const dns = (p: Partial<ProxyServicePort>, eps: string[]) =>
  svc({ namespace: 'kube-system', name: 'kube-dns', clusterIP: '10.96.0.10', ...p }, eps.map((ip) => ep(ip, p.port!)));

// kubeadm defaults: the Services behind the reference's `ipset list KUBE-CLUSTER-IP` capture.
const kubeadm = cluster([
  svc({ namespace: 'default', name: 'kubernetes', portName: 'https', clusterIP: '10.96.0.1', port: 443 }, [
    ep('172.18.0.2', 6443),
  ]),
  dns({ portName: 'dns', protocol: 'UDP', port: 53 }, ['10.244.0.2', '10.244.0.3']),
  dns({ portName: 'dns-tcp', port: 53 }, ['10.244.0.3', '10.244.0.2']),
  dns({ portName: 'metrics', port: 9153 }, ['10.244.0.2', '10.244.0.3']),
  svc({ namespace: 'default', name: 'web', clusterIP: '10.96.100.5', stickyMaxAgeSeconds: 10800 }, [ep('10.244.1.5', 8080)]),
]);

// A real `ipvsadm --list -n` from a minikube node (public notes, search index id
// 27550301294). The capture lost the trailing spaces of its last line; printf's "%-10u"
// leaves them on every real-server line, so they are restored here.
const MINIKUBE = [
  'IP Virtual Server version 1.2.1 (size=4096)',
  'Prot LocalAddress:Port Scheduler Flags',
  '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  'TCP  10.96.0.1:443 rr',
  '  -> 192.168.49.2:8443            Masq    1      0          0         ',
  'TCP  10.96.0.10:53 rr',
  '  -> 10.244.0.2:53                Masq    1      0          0         ',
  'TCP  10.96.0.10:9153 rr',
  '  -> 10.244.0.2:9153              Masq    1      0          0         ',
  'TCP  10.100.108.207:80 rr',
  '  -> 10.244.0.24:8000             Masq    1      0          0         ',
  '  -> 10.244.0.25:8000             Masq    1      0          0         ',
  '  -> 10.244.0.26:8000             Masq    1      0          0         ',
  'UDP  10.96.0.10:53 rr',
  '  -> 10.244.0.2:53                Masq    1      0          0         ',
  '',
].join('\n');

const minikube = cluster([
  svc({ namespace: 'default', name: 'kubernetes', portName: 'https', clusterIP: '10.96.0.1', port: 443 }, [
    ep('192.168.49.2', 8443),
  ]),
  dns({ portName: 'dns', protocol: 'UDP', port: 53 }, ['10.244.0.2']),
  dns({ portName: 'dns-tcp', port: 53 }, ['10.244.0.2']),
  dns({ portName: 'metrics', port: 9153 }, ['10.244.0.2']),
  svc({ namespace: 'default', name: 'web', clusterIP: '10.100.108.207' }, [
    ep('10.244.0.26', 8000),
    ep('10.244.0.24', 8000),
    ep('10.244.0.25', 8000),
  ]),
]);

describe('printIpvsadmLn', () => {
  it('prints a real minikube listing exactly, trailing spaces included', () => {
    expect(printIpvsadmLn(writeIpvsState(minikube))).toBe(MINIKUBE);
  });

  it('prints a persistent virtual server and connection counters as the reference capture shows them', () => {
    const s = writeIpvsState(
      cluster([
        svc({ namespace: 'd', name: 'w', clusterIP: '10.0.0.100', port: 18999 }, [
          ep('10.244.1.23', 18999),
          ep('10.244.2.45', 18999),
        ]),
      ]),
    );
    const inact: Record<string, number> = { '10.244.1.23': 5, '10.244.2.45': 3 };
    const out = printIpvsadmLn(s, { get: (_vs, rs) => ({ active: 0, inactive: inact[rs.address] ?? 0 }) });
    // the capture (reference id 56928863539) lost its trailing spaces
    expect(out.split('\n').map((l) => l.trimEnd())).toEqual([...block('# Real capture (id 56928863539)', 6).split('\n')]);
    expect(printIpvsadmLn(writeIpvsState(kubeadm))).toContain('TCP  10.96.100.5:80 rr persistent 10800\n');
  });

  it('prints connection counters left-aligned in their columns', () => {
    const s = writeIpvsState(kubeadm);
    const out = printIpvsadmLn(s, { get: (vs, rs) => (rs.address === '172.18.0.2' ? { active: 12, inactive: 3 } : undefined) });
    expect(out).toContain('  -> 172.18.0.2:6443              Masq    1      12         3         \n');
  });

  it('lists services by protocol, then address as libipvs compares it (with its wraparound), then port', () => {
    const s = writeIpvsState(overall);
    const order = printIpvsadmLn(s)
      .split('\n')
      .filter((l) => l.startsWith('TCP'))
      .map((l) => l.split(' ')[2]);
    expect(order).toEqual([
      '172.30.0.41:80',
      '172.30.0.42:80',
      '172.30.0.43:80',
      '172.30.0.44:80',
      '172.30.0.45:80',
      '172.30.0.46:80',
      '192.168.0.2:3001',
      '192.168.0.2:3002',
      '192.168.0.2:3003',
      '192.168.99.22:80',
      '192.168.99.33:80',
      // (unsigned)1.2.3.4 - (unsigned)192.168.99.33 is positive as an int
      '1.2.3.4:80',
      '5.6.7.8:80',
    ]);
  });

  it('merges like glibc qsort: left half wins ties', () => {
    const items = [3, 1, 2, 1, 3].map((v, i) => ({ v, i }));
    expect(glibcMsort(items, (a, b) => a.v - b.v).map((x) => x.i)).toEqual([1, 3, 2, 0, 4]);
  });
});

describe('printIpsetList', () => {
  // Real `ipset list KUBE-CLUSTER-IP` (reference section 3): kube-dns and kubernetes ClusterIPs.
  const capture = block('# Real `ipset list KUBE-CLUSTER-IP`', 12).trimEnd().split('\n');
  const out = printIpsetList(writeIpvsState(cluster(kubeadm.services.slice(0, 4))), 'KUBE-CLUSTER-IP', {
    initval: () => 0x0c31ac7a,
  })
    .trimEnd()
    .split('\n');

  it('prints the header lines of a real capture', () => {
    const header = (lines: string[]) => lines.slice(0, 8).filter((l) => !l.startsWith('References'));
    expect(header(out)).toEqual(header(capture));
  });

  it('lists the same members (the kernel lists a hash set in bucket order)', () => {
    expect(new Set(out.slice(8))).toEqual(new Set(capture.slice(8)));
  });

  it('counts the iptables rules that reference a set', () => {
    // masquerade rule, ACCEPT at the end of KUBE-SERVICES, RETURN in KUBE-IPVS-FILTER (the
    // capture's older kube-proxy had no KUBE-IPVS-FILTER and shows 2)
    expect(out).toContain('References: 3');
  });

  it('prints a bitmap:port set with its range and ports in order', () => {
    const s = writeIpvsState(overall);
    expect(printIpsetList(s, 'KUBE-NODE-PORT-TCP')).toBe(
      [
        'Name: KUBE-NODE-PORT-TCP',
        'Type: bitmap:port',
        'Revision: 3',
        'Header: range 0-65535',
        'Size in memory: 8264',
        'References: 1',
        'Number of entries: 3',
        'Members:',
        '3001',
        '3002',
        '3003',
        '',
      ].join('\n'),
    );
  });

  it('separates sets with a blank line when listing them all', () => {
    const all = printIpsetList(writeIpvsState(overall));
    expect(all.match(/^Name: /gm)).toHaveLength(17);
    expect(all).toContain('Members:\n\nName: KUBE-LOAD-BALANCER-SOURCE-CIDR\n');
  });
});

describe('printIpAddrKubeIpvs0', () => {
  it('prints the dummy device as iproute2 does (minikube capture)', () => {
    const s = writeIpvsState(
      cluster([
        // named so that the model binds them in the capture's order
        svc({ namespace: 'a', name: 'kube-dns', clusterIP: '10.96.0.10' }, []),
        svc({ namespace: 'b', name: 'kubernetes', clusterIP: '10.96.0.1' }, []),
        svc({ namespace: 'c', name: 'web', clusterIP: '10.100.108.207' }, []),
      ]),
    );
    expect(printIpAddrKubeIpvs0(s, { ifindex: 30, mac: '12:37:cc:2c:0a:cc' })).toBe(
      [
        '30: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default ',
        '    link/ether 12:37:cc:2c:0a:cc brd ff:ff:ff:ff:ff:ff',
        '    inet 10.96.0.10/32 scope global kube-ipvs0',
        '       valid_lft forever preferred_lft forever',
        '    inet 10.96.0.1/32 scope global kube-ipvs0',
        '       valid_lft forever preferred_lft forever',
        '    inet 10.100.108.207/32 scope global kube-ipvs0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
  });

  it('matches the reference capture once its stripped trailing space is put back', () => {
    const s = writeIpvsState(
      cluster([
        svc({ namespace: 'a', name: 'x', clusterIP: '10.68.0.1' }, []),
        svc({ namespace: 'b', name: 'y', clusterIP: '10.68.0.2' }, []),
      ]),
    );
    const want = block('# kube-proxy: defaultDummyDevice', 6).replace('group default\n', 'group default \n');
    expect(printIpAddrKubeIpvs0(s, { ifindex: 5, mac: '22:39:ed:93:05:c1' })).toBe(want);
  });
});
