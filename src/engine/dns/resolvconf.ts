// /etc/resolv.conf as each machine has it. A pod's is written by the kubelet for its
// dnsPolicy (pkg/kubelet/network/dns/dns.go): ClusterFirst points at the cluster DNS
// (kube-dns's ClusterIP) with the search list <ns>.svc.<domain> svc.<domain> <domain> and
// the node's own search domains, options ndots:5; a host-network pod with ClusterFirst
// falls back to Default unless it asks for ClusterFirstWithHostNet; Default copies the
// node's file; None takes only spec.dnsConfig, whose nameservers, searches and options are
// otherwise appended (duplicates dropped, options merged by name). containerd writes it as
// search, then nameserver lines, then options. A kind node's own file points at the docker
// network's gateway, where docker's embedded DNS answers (kind's entrypoint replaces
// 127.0.0.11 with the gateway's address); hosts outside use the public resolver.
import type { Cluster, Netns } from '../cluster/types';
import { KUBE_DNS_KEY } from '../services/built-in';
import { nthAddress } from '../lib/ip';
import { CLUSTER_DOMAIN } from './records';

export interface ResolvConf {
  readonly nameservers: readonly string[];
  readonly search: readonly string[];
  /** Options as written ("ndots:5", "edns0", "timeout:2"). */
  readonly options: readonly string[];
}

export interface ResolverOptions {
  readonly ndots: number;
  /** Seconds before a query is sent again (glibc's RES_TIMEOUT, 5). */
  readonly timeout: number;
  /** Tries per nameserver (glibc's RES_DFLRETRY, 2). */
  readonly attempts: number;
  readonly edns0: boolean;
}

/** A kind node's resolv.conf: docker's, with the gateway in place of 127.0.0.11. */
export function nodeResolvConf(cluster: Cluster): ResolvConf {
  return { nameservers: [cluster.gateway.ip], search: [], options: ['edns0', 'trust-ad', 'ndots:0'] };
}

function optionName(o: string): string {
  return o.split(':')[0]!;
}

function merge(base: ResolvConf, extra: { nameservers: readonly string[]; searches: readonly string[]; options: readonly { name: string; value?: string }[] }): ResolvConf {
  const uniq = (xs: readonly string[]) => [...new Set(xs)];
  const opts = new Map(base.options.map((o) => [optionName(o), o]));
  for (const o of extra.options) opts.set(o.name, o.value !== undefined ? `${o.name}:${o.value}` : o.name);
  return { nameservers: uniq([...base.nameservers, ...extra.nameservers]).slice(0, 3), search: uniq([...base.search, ...extra.searches]), options: [...opts.values()] };
}

/** The resolv.conf of a network namespace (for a host-network container: its pod's, which may differ from the node's). */
export function resolvConfOf(cluster: Cluster, ns: Netns, podKey?: string): ResolvConf {
  if (ns.kind === 'outside') return { nameservers: [cluster.scenario.settings.upstreamDNS], search: [], options: [] };
  if (ns.kind === 'router') return { nameservers: [cluster.scenario.settings.upstreamDNS], search: [], options: [] };
  const pod = podKey ? cluster.pod(podKey) : ns.kind === 'pod' ? cluster.pod(ns.name) : undefined;
  const node = nodeResolvConf(cluster);
  if (!pod) return node;
  const spec = pod.spec;
  const policy = spec.dnsPolicy === 'ClusterFirst' && spec.hostNetwork ? 'Default' : spec.dnsPolicy;
  // The kubelet's clusterDNS (kubeadm: the 10th address of the service range), whether or not kube-dns exists.
  const dnsIp = cluster.service(KUBE_DNS_KEY)?.clusterIP ?? nthAddress(cluster.serviceSubnet, 10);
  let rc: ResolvConf;
  switch (policy) {
    case 'ClusterFirst':
    case 'ClusterFirstWithHostNet':
      rc = { nameservers: [dnsIp], search: [`${spec.namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN, ...node.search], options: ['ndots:5'] };
      break;
    case 'Default':
      rc = node;
      break;
    case 'None':
      rc = { nameservers: [], search: [], options: [] };
      break;
  }
  return spec.dnsConfig ? merge(rc, spec.dnsConfig) : rc;
}

/** glibc's reading of the options line. */
export function resolverOptions(rc: ResolvConf): ResolverOptions {
  let ndots = 1, timeout = 5, attempts = 2, edns0 = false;
  for (const o of rc.options) {
    const [name, value] = o.split(':');
    const n = Number(value);
    if (name === 'ndots' && Number.isInteger(n)) ndots = Math.min(15, Math.max(0, n));
    if (name === 'timeout' && Number.isInteger(n)) timeout = Math.min(30, Math.max(1, n));
    if (name === 'attempts' && Number.isInteger(n)) attempts = Math.min(5, Math.max(1, n));
    if (name === 'edns0') edns0 = true;
  }
  return { ndots, timeout, attempts, edns0 };
}

/** The file as containerd's CRI writes it: search, nameserver lines, options. */
export function formatResolvConf(rc: ResolvConf): string {
  const lines: string[] = [];
  if (rc.search.length > 0) lines.push(`search ${rc.search.join(' ')}`);
  for (const ns of rc.nameservers) lines.push(`nameserver ${ns}`);
  if (rc.options.length > 0) lines.push(`options ${rc.options.join(' ')}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
