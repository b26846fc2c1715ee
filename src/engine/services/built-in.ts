// The Services a kind cluster has before anyone applies anything: kube-apiserver's
// default/kubernetes (.1 of the service subnet, reconciled by the API server itself) and
// kubeadm's kube-system/kube-dns (.10, in front of CoreDNS). A scenario may name one of them
// to change its metadata, as `kubectl label` / `kubectl annotate` would; the API server's
// reconciler keeps its spec, so a document that gives one is refused.
import { intToIp, type Cidr } from '../lib/ip';
import type { ServiceDoc } from '../model/schemas';
import type { ServiceModel } from './types';

export const KUBERNETES_KEY = 'default/kubernetes';
export const KUBE_DNS_KEY = 'kube-system/kube-dns';

/** The keys of the built-in Services, and who owns each. */
export function builtInOwners(systemPods: boolean): ReadonlyMap<string, string> {
  const owners = new Map([[KUBERNETES_KEY, 'the API server']]);
  if (systemPods) owners.set(KUBE_DNS_KEY, 'kubeadm');
  return owners;
}

/** What the schema fills in when a Service document has no spec. */
const EMPTY_SPEC: Readonly<Record<string, string | readonly never[]>> = {
  type: 'ClusterIP', ports: [], externalIPs: [], sessionAffinity: 'None', loadBalancerSourceRanges: [],
};

/** Whether a document leaves spec out (or gives it empty), so it can only be about metadata. */
export function specLeftOut(doc: ServiceDoc): boolean {
  return Object.entries(doc.spec).every(([k, v]) => k in EMPTY_SPEC && JSON.stringify(v) === JSON.stringify(EMPTY_SPEC[k]));
}

const base = {
  externalIPs: [], loadBalancerSourceRanges: [], externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster',
  healthCheckNodePort: 0, affinitySeconds: 0, source: { doc: 0, line: 0 }, builtIn: true,
} as const;

/**
 * The built-in Services, with the labels scenario documents added. default/kubernetes gets
 * the labels kube-apiserver creates it with; kube-dns those of kubeadm's CoreDNS manifest.
 */
export function builtInServices(serviceCidr: Cidr, systemPods: boolean, addedLabels: ReadonlyMap<string, Readonly<Record<string, string>>>): ServiceModel[] {
  const out: ServiceModel[] = [{
    ...base, key: KUBERNETES_KEY, namespace: 'default', name: 'kubernetes', type: 'ClusterIP', clusterIP: intToIp(serviceCidr.net + 1),
    labels: { component: 'apiserver', provider: 'kubernetes', ...addedLabels.get(KUBERNETES_KEY) },
    ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443, nodePort: 0 }],
  }];
  if (systemPods) {
    out.push({
      ...base, key: KUBE_DNS_KEY, namespace: 'kube-system', name: 'kube-dns', type: 'ClusterIP', clusterIP: intToIp(serviceCidr.net + 10),
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS', ...addedLabels.get(KUBE_DNS_KEY) },
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53, nodePort: 0 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53, nodePort: 0 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153, nodePort: 0 },
      ],
    });
  }
  return out;
}
