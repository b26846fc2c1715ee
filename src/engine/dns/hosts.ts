// /etc/hosts as each machine has it, which the resolver reads before DNS. A pod's is the
// kubelet's managed file (pkg/kubelet/kubelet_pods.go managedHostsFileContent): localhost
// and the IPv6 names, the pod's address with its hostname (the FQDN first when it has a
// subdomain), then hostAliases. A host-network pod and a node use the node's file, as docker
// writes it for a kind node container.
import type { Cluster, Netns } from '../cluster/types';
import { CLUSTER_DOMAIN } from './records';

export interface HostsEntry {
  readonly ip: string;
  readonly names: readonly string[];
  /** How the writer separates the names: a space in the localhost lines, a tab elsewhere. */
  readonly sep?: ' ' | '\t';
}

export interface HostsFile {
  /** The kubelet's file starts with a comment; docker's does not. */
  readonly managed: boolean;
  readonly entries: readonly HostsEntry[];
  /** Entries from the pod's hostAliases (written under their own comment). */
  readonly aliases: readonly HostsEntry[];
}

const LOOPBACK: readonly HostsEntry[] = [
  { ip: '127.0.0.1', names: ['localhost'] },
  { ip: '::1', names: ['localhost', 'ip6-localhost', 'ip6-loopback'], sep: ' ' },
];

export function hostsOf(cluster: Cluster, ns: Netns, podKey?: string): HostsFile {
  const pod = podKey ? cluster.pod(podKey) : ns.kind === 'pod' ? cluster.pod(ns.name) : undefined;
  if (pod && !pod.spec.hostNetwork) {
    const host = pod.spec.hostname ?? pod.spec.name;
    const names = pod.spec.subdomain ? [`${host}.${pod.spec.subdomain}.${pod.spec.namespace}.svc.${CLUSTER_DOMAIN}`, host] : [host];
    return {
      managed: true,
      entries: [...LOOPBACK, { ip: 'fe00::0', names: ['ip6-localnet'] }, { ip: 'fe00::0', names: ['ip6-mcastprefix'] }, { ip: 'fe00::1', names: ['ip6-allnodes'] }, { ip: 'fe00::2', names: ['ip6-allrouters'] }, { ip: pod.ip, names }],
      aliases: pod.spec.hostAliases.map((a) => ({ ip: a.ip, names: a.hostnames })),
    };
  }
  const own = ns.kind === 'node' ? cluster.node(ns.machine)?.ip : ns.devices.flatMap((d) => d.addrs).find((a) => a.scope === 'global')?.ip;
  return {
    managed: false,
    entries: [...LOOPBACK, { ip: 'fe00::', names: ['ip6-localnet'] }, { ip: 'ff00::', names: ['ip6-mcastprefix'] }, { ip: 'ff02::1', names: ['ip6-allnodes'] }, { ip: 'ff02::2', names: ['ip6-allrouters'] },
      ...(own ? [{ ip: own, names: [ns.machine] }] : [])],
    aliases: [],
  };
}

/** The IPv4 address /etc/hosts gives a name (glibc's files lookup, case-insensitive), if any. */
export function hostsLookup(file: HostsFile, name: string): string | undefined {
  const n = name.replace(/\.$/, '').toLowerCase();
  return [...file.entries, ...file.aliases].find((e) => e.ip.includes('.') && e.names.some((x) => x.toLowerCase() === n))?.ip;
}

