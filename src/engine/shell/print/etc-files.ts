// The two files a pod's resolver reads, as Kubernetes writes them.
// /etc/hosts: kubelet pkg/kubelet/kubelet_pods.go (current master) managedHostsFileContent:
// "# Kubernetes-managed hosts file.\n", the IPv4 and IPv6 localhost lines, one
// "IP\thostname" line per pod IP ("IP\thostname.subdomain.ns.svc.cluster.local\thostname" when
// the pod has a subdomain), then hostsEntriesFromHostAliases: an empty line,
// "# Entries added by HostAliases.\n" and "IP\tname1\tname2..." per alias. A hostNetwork pod gets
// nodeHostsFileContent: "# Kubernetes-managed hosts file (host network).\n" + the node's own
// /etc/hosts + the aliases.
// /etc/resolv.conf: containerd's CRI (pkg/cri/.../sandbox_run.go parseDNSOptions) writes
// "search a b c\n", "nameserver X\n" per server, "options o1 o2\n", each only when non-empty,
// from the DNS config the kubelet computed (../shared/reference/dns_reference.txt).

export interface HostAlias { readonly ip: string; readonly hostnames: readonly string[] }

export interface HostsInput {
  /** status.podIPs, in order. */
  readonly podIPs: readonly string[];
  /** spec.hostname, or the pod name (truncated to 63 characters by the kubelet). */
  readonly hostname: string;
  /** "<subdomain>.<namespace>.svc.<cluster domain>" when spec.subdomain is set. */
  readonly hostDomain?: string;
  readonly hostAliases?: readonly HostAlias[];
  /** A hostNetwork pod: the node's /etc/hosts, which the kubelet copies. */
  readonly hostNetwork?: { readonly nodeHosts: string };
}

function aliases(list: readonly HostAlias[] | undefined): string {
  if (!list?.length) return '';
  return `\n# Entries added by HostAliases.\n${list.map((a) => `${a.ip}\t${a.hostnames.join('\t')}\n`).join('')}`;
}

export function printHosts(h: HostsInput): string {
  if (h.hostNetwork) return `# Kubernetes-managed hosts file (host network).\n${h.hostNetwork.nodeHosts}${aliases(h.hostAliases)}`;
  let out = '# Kubernetes-managed hosts file.\n'
    + '127.0.0.1\tlocalhost\n'
    + '::1\tlocalhost ip6-localhost ip6-loopback\n'
    + 'fe00::0\tip6-localnet\n'
    + 'fe00::0\tip6-mcastprefix\n'
    + 'fe00::1\tip6-allnodes\n'
    + 'fe00::2\tip6-allrouters\n';
  for (const ip of h.podIPs) {
    out += h.hostDomain ? `${ip}\t${h.hostname}.${h.hostDomain}\t${h.hostname}\n` : `${ip}\t${h.hostname}\n`;
  }
  return out + aliases(h.hostAliases);
}

export interface ResolvConfInput {
  readonly searches: readonly string[];
  readonly nameservers: readonly string[];
  readonly options: readonly string[];
}

export function printResolvConf(c: ResolvConfInput): string {
  return (c.searches.length ? `search ${c.searches.join(' ')}\n` : '')
    + (c.nameservers.length ? `nameserver ${c.nameservers.join('\nnameserver ')}\n` : '')
    + (c.options.length ? `options ${c.options.join(' ')}\n` : '');
}
