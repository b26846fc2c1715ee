import { describe, expect, it } from 'vitest';
import { NftTableBuilder } from '../../kubeproxy/nftables-builder';
import { nftTimeText, printNftListRuleset, priorityText } from './list';
import { writeNftablesRules } from '../../kubeproxy/nftables-writer';
import { overallNFTablesRules } from '../../kubeproxy/testing/golden-scenarios';

const overall = overallNFTablesRules();

// Blocks of a real `nft list table ip kube-proxy` from a k3s node (public notes, search
// index id 47666107189; the capture's 8-space indents are nft's tabs expanded).
const CAPTURE_SERVICE_IPS = `	map service-ips {
		type ipv4_addr . inet_proto . inet_service : verdict
		comment "ClusterIP, ExternalIP and LoadBalancer IP traffic"
		elements = { 10.43.0.10 . tcp . 53 : goto service-NWBZK7IH-kube-system/kube-dns/tcp/dns-tcp,
			     10.43.0.10 . udp . 53 : goto service-FY5PMXPG-kube-system/kube-dns/udp/dns,
			     10.43.195.72 . tcp . 8000 : goto service-P6J77WGM-riset/hellopod-np-svc/tcp/,
			     10.43.34.64 . tcp . 3001 : goto service-LNJAC4UY-riset/latency-extender-svc/tcp/http,
			     10.43.0.1 . tcp . 443 : goto service-2QRHZV4L-default/kubernetes/tcp/https,
			     10.43.10.165 . tcp . 443 : goto service-WXVQUIFM-kube-system/metrics-server/tcp/https,
			     10.43.0.10 . tcp . 9153 : goto service-AS2KJYAD-kube-system/kube-dns/tcp/metrics,
			     10.43.22.243 . tcp . 4317 : goto service-MBV4MU3G-riset/opentelemetry-collector/tcp/otlp,
			     10.43.22.243 . tcp . 4318 : goto service-Y5V7Q7LN-riset/opentelemetry-collector/tcp/otlp-http }
	}`;

const CAPTURE_CLUSTER_IPS = `	set cluster-ips {
		type ipv4_addr
		comment "Active ClusterIPs"
		elements = { 10.43.0.1, 10.43.0.10,
			     10.43.10.165, 10.43.21.102,
			     10.43.22.243, 10.43.34.64,
			     10.43.195.72 }
	}`;

const CAPTURE_NO_ENDPOINTS = `	map no-endpoint-services {
		type ipv4_addr . inet_proto . inet_service : verdict
		comment "vmap to drop or reject packets to services with no endpoints"
		elements = { 10.43.21.102 . tcp . 4317 comment "riset/otelcol-opentelemetry-collector:otlp" : goto reject-chain,
			     10.43.21.102 . tcp . 4318 comment "riset/otelcol-opentelemetry-collector:otlp-http" : goto reject-chain }
	}`;

const CAPTURE_CHAINS = [
  `	chain masquerading {
		meta mark & 0x00004000 == 0x00000000 return
		meta mark set meta mark ^ 0x00004000
		masquerade fully-random
	}`,
  `	chain mark-for-masquerade {
		meta mark set meta mark | 0x00004000
	}`,
  `	chain reject-chain {
		comment "helper for @no-endpoint-services / @no-endpoint-nodeports"
		reject
	}`,
  `	chain nat-prerouting {
		type nat hook prerouting priority dstnat; policy accept;
		jump services
	}`,
  `	chain nat-postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		jump masquerading
	}`,
  `	chain services {
		ip daddr . meta l4proto . th dport vmap @service-ips
		ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports
	}`,
];

function captureLikeTable(): string {
  const tx = new NftTableBuilder('kube-proxy', 'rules for kube-proxy');
  tx.set({ name: 'cluster-ips', type: 'ipv4_addr', comment: 'Active ClusterIPs' });
  // inserted in a different order from the one nft prints
  for (const ip of ['10.43.195.72', '10.43.0.10', '10.43.34.64', '10.43.0.1', '10.43.22.243', '10.43.21.102', '10.43.10.165']) {
    tx.setElement('cluster-ips', [ip]);
  }
  const type = 'ipv4_addr . inet_proto . inet_service : verdict';
  tx.map({ name: 'service-ips', type, comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic' });
  const svc: [string, string, string, string][] = [
    ['10.43.22.243', 'tcp', '4318', 'service-Y5V7Q7LN-riset/opentelemetry-collector/tcp/otlp-http'],
    ['10.43.0.1', 'tcp', '443', 'service-2QRHZV4L-default/kubernetes/tcp/https'],
    ['10.43.0.10', 'udp', '53', 'service-FY5PMXPG-kube-system/kube-dns/udp/dns'],
    ['10.43.34.64', 'tcp', '3001', 'service-LNJAC4UY-riset/latency-extender-svc/tcp/http'],
    ['10.43.0.10', 'tcp', '9153', 'service-AS2KJYAD-kube-system/kube-dns/tcp/metrics'],
    ['10.43.195.72', 'tcp', '8000', 'service-P6J77WGM-riset/hellopod-np-svc/tcp/'],
    ['10.43.10.165', 'tcp', '443', 'service-WXVQUIFM-kube-system/metrics-server/tcp/https'],
    ['10.43.22.243', 'tcp', '4317', 'service-MBV4MU3G-riset/opentelemetry-collector/tcp/otlp'],
    ['10.43.0.10', 'tcp', '53', 'service-NWBZK7IH-kube-system/kube-dns/tcp/dns-tcp'],
  ];
  for (const [ip, proto, port, chain] of svc) tx.mapElement('service-ips', [ip, proto, port], { kind: 'goto', chain });
  tx.map({ name: 'no-endpoint-services', type, comment: 'vmap to drop or reject packets to services with no endpoints' });
  for (const port of ['4318', '4317']) {
    const name = `riset/otelcol-opentelemetry-collector:${port === '4317' ? 'otlp' : 'otlp-http'}`;
    tx.mapElement('no-endpoint-services', ['10.43.21.102', 'tcp', port], { kind: 'goto', chain: 'reject-chain' }, name);
  }
  return printNftListRuleset(tx.build());
}

describe('printNftListRuleset', () => {
  it('prints IP sets two to a line in address order, like a real node', () => {
    expect(captureLikeTable()).toContain(CAPTURE_CLUSTER_IPS);
  });

  it('prints verdict-map elements one to a line in nft order (port, then protocol, then address bytes)', () => {
    expect(captureLikeTable()).toContain(CAPTURE_SERVICE_IPS);
  });

  it('prints element comments before the verdict', () => {
    expect(captureLikeTable()).toContain(CAPTURE_NO_ENDPOINTS);
  });

  it.each(CAPTURE_CHAINS.map((c) => [c.split('\n')[0]!.trim(), c]))('prints %s as the capture shows it', (_name, block) => {
    expect(printNftListRuleset(writeNftablesRules(overall))).toContain(`${block}\n`);
  });

  it('opens with the table header and comment, and closes the table', () => {
    const out = printNftListRuleset(writeNftablesRules(overall));
    expect(out.startsWith('table ip kube-proxy {\n\tcomment "rules for kube-proxy"\n\tset cluster-ips {\n')).toBe(true);
    expect(out.endsWith('\t}\n}\n')).toBe(true);
    expect(out).toContain('\tset affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 {\n\t\ttype ipv4_addr\n\t\tflags dynamic\n\t\ttimeout 3h\n\t}');
    expect(out).toContain('\t\tip daddr 172.30.0.0/16 drop comment "Drop traffic to unallocated ClusterIPs"\n');
    expect(out).toContain('\t\tip saddr != 203.0.113.0/25 drop\n');
  });

  it('lists dynamic affinity members with the time left', () => {
    const set = 'affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80';
    const recent = new Map([[set, new Map([['10.0.1.5', 100], ['10.0.0.9', 95]])]]);
    const out = printNftListRuleset(writeNftablesRules(overall), { dynamic: { recent, nowSeconds: 110 } });
    expect(out).toContain(
      '\t\ttimeout 3h\n\t\telements = { 10.0.0.9 expires 2h59m45s,\n\t\t\t     10.0.1.5 expires 2h59m50s }\n',
    );
  });
});

describe('priorityText', () => {
  it('names priorities as nft does, by hook', () => {
    expect(priorityText(-110, 'prerouting')).toBe('dstnat - 10');
    expect(priorityText(-100, 'prerouting')).toBe('dstnat');
    expect(priorityText(100, 'postrouting')).toBe('srcnat');
    expect(priorityText(0, 'input')).toBe('filter');
    expect(priorityText(-300, 'prerouting')).toBe('raw');
    expect(priorityText(-200, 'prerouting')).toBe('-200');
  });

  it('follows the pre-1.0.9 rule of the capture: no dstnat name at output, no srcnat at input', () => {
    // chain filter-input … priority -110; nat-output … priority -100; filter-output-post-dnat … priority -90
    expect(priorityText(-110, 'input', true)).toBe('-110');
    expect(priorityText(-100, 'output', true)).toBe('-100');
    expect(priorityText(-90, 'output', true)).toBe('-90');
    expect(priorityText(-100, 'output')).toBe('dstnat');
  });
});

describe('nftTimeText', () => {
  it('prints durations in nft units', () => {
    expect(nftTimeText(10_800_000)).toBe('3h');
    expect(nftTimeText(90_061_500)).toBe('1d1h1m1s500ms');
  });
});
