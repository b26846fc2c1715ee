// kind's defaults, as `kind create cluster` applies them (sigs.k8s.io/kind, v1alpha4):
// one control-plane node, podSubnet 10.244.0.0/16, serviceSubnet 10.96.0.0/16, iptables
// kube-proxy, nodes on the docker network "kind" (172.18.0.0/16, gateway 172.18.0.1).

export const KIND_DEFAULTS = {
  name: 'kind',
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/16',
  nodeSubnet: '172.18.0.0/16',
  kubeProxyMode: 'iptables',
} as const;

/** Namespaces every kind cluster has. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage'] as const;

/** The taint kubeadm puts on control-plane nodes (removed by kind when there are no workers). */
export const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';

/** Outside hosts present when the scenario names none: a client and a web server on the internet. */
export const DEFAULT_OUTSIDE_HOSTS = [
  { name: 'client', ip: '203.0.113.10', ports: [], names: [] },
  { name: 'example-web', ip: '198.51.100.7', ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }], names: [] },
] as const;

/** kind names control-plane nodes `<name>-control-plane`, `<name>-control-plane2`, ... and workers `<name>-worker`, `<name>-worker2`, ... */
export function kindNodeNames(cluster: string, roles: readonly ('control-plane' | 'worker')[]): string[] {
  const count = { 'control-plane': 0, worker: 0 };
  return roles.map((role) => {
    count[role] += 1;
    return `${cluster}-${role}${count[role] === 1 ? '' : count[role]}`;
  });
}
