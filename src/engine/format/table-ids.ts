// The tables podpath prints, as `tables --show` names them: a leaf the lesson schema reads
// without the formatters.
/** Every table a namespace may have, as `tables --show` names them. */
export const TABLE_IDS = [
  'routes', 'routes-local', 'routes-all', 'routes-cache', 'rule', 'neigh', 'fdb', 'addr', 'link', 'iptables-save', 'nft', 'ipvsadm', 'ipset', 'conntrack',
  'cilium-services', 'cilium-bpf-lb', 'subnet-env', 'nft-netpol', 'cilium-policy', 'cilium-bpf-policy',
] as const;

export type TableId = (typeof TABLE_IDS)[number];
