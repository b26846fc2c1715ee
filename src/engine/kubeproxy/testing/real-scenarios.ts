// Test support: the inputs behind the two real captures in ../shared/reference
// (iptables_REAL_*.txt), rebuilt from their headers. Used only by tests.
import type { ProxyInput } from '../types';
import { entry, fakeProxierInput, testEndpoint as ep, testServicePort as svc } from './fake-proxier';

/** A real node's kube-proxy: it derives the mark text itself (0x00004000) and has no nfacct (~v1.26). */
function realNode(nodeName: string, podCIDR: string, services: ProxyInput['services'], nodeIP: string): ProxyInput {
  return fakeProxierInput(services, {
    nodeName,
    // The captures do not show the node's address; no rule in them depends on it.
    nodeIPs: [nodeIP],
    localDetector: { mode: 'ClusterCIDR', cidr: podCIDR },
    masqueradeMark: undefined,
    nfacct: false,
    randomFully: true,
  });
}

/** iptables_REAL_iptables-save_nat_flannel_cluster.txt: kubeadm + flannel, pod CIDR 10.244.0.0/16. */
export function flannelCluster(): ProxyInput {
  const dns = (portName: string, protocol: 'TCP' | 'UDP', port: number) =>
    entry(svc('kube-system', 'kube-dns', { portName, protocol, clusterIP: '10.96.0.10', port }), [ep('10.244.0.8', port), ep('10.244.0.9', port)]);
  return realNode(
    'k8s-node',
    '10.244.0.0/16',
    [
      entry(svc('default', 'kubernetes', { portName: 'https', clusterIP: '10.96.0.1', port: 443 }), [ep('192.168.205.145', 6443)]),
      dns('dns', 'UDP', 53),
      dns('dns-tcp', 'TCP', 53),
      dns('metrics', 'TCP', 9153),
      entry(svc('default', 'jtest', { portName: '', type: 'NodePort', clusterIP: '10.97.121.82', port: 8080, nodePort: 31455 }), [
        ep('10.244.1.19', 8080),
        ep('10.244.2.17', 8080),
      ]),
      entry(svc('kubernetes-dashboard', 'kubernetes-dashboard', { portName: '', type: 'NodePort', clusterIP: '10.96.223.136', port: 443, nodePort: 31734 }), [
        ep('10.244.2.12', 8443),
      ]),
      entry(svc('kubernetes-dashboard', 'dashboard-metrics-scraper', { portName: '', clusterIP: '10.96.1.86', port: 8000 }), [ep('10.244.1.15', 8000)]),
    ],
    '192.168.205.146',
  );
}

/** iptables_REAL_kind_iptables-S_normalized.txt: kind, pod CIDR 10.244.0.0/16, one 3-endpoint Service. */
export function kindWebService(): ProxyInput {
  return realNode(
    'kind-cluster-worker2',
    '10.244.0.0/16',
    [
      entry(svc('default', 'web-service', { portName: '', clusterIP: '10.96.206.52', port: 80 }), [
        ep('10.244.1.9', 80),
        ep('10.244.1.10', 80),
        ep('10.244.1.11', 80),
      ]),
    ],
    '172.18.0.4',
  );
}
