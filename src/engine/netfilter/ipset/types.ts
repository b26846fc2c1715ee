// An ipset as the kernel keeps it (net/netfilter/ipset): a named set of a given type whose
// entries rules test with `-m set --match-set NAME flags`. kube-proxy's IPVS mode fills
// some (KUBE-CLUSTER-IP, ...), Calico others (cali40masq-ipam-pools, ...).

export type IpsetType = 'hash:ip' | 'hash:net' | 'hash:ip,port' | 'hash:ip,port,ip' | 'hash:ip,port,net' | 'bitmap:port';

export interface Ipset {
  readonly name: string;
  readonly type: IpsetType;
  /** The comment the set's owner writes (kube-proxy puts it on the iptables rules that use the set). */
  readonly comment: string;
  /** Entries as `ipset list` spells them ("10.96.0.10,udp:53", "30080", "10.244.0.0/16"). */
  readonly entries: ReadonlySet<string>;
}
