// The body of kube-proxy's syncProxyRules loop for one Service port (pkg/proxy/iptables/
// proxier.go), line for line: the KUBE-SERVICES / KUBE-NODEPORTS entry rules, the filter
// REJECT/DROP rules for missing endpoints, and the KUBE-EXT / KUBE-FW / KUBE-SVC / KUBE-SVL /
// KUBE-SEP chains, written in the same order and with the same words as the Go code.
import { ipNetContains, parseIpNet, parseIpWords } from '../netfilter/addr';
import { categorizeEndpoints, type EndpointInfo } from './endpoints';
import type { LineBuffer, Words } from './line-buffer';
import { endpointChainName, serviceChainNames } from './names';
import type { ServiceInfo } from './service-info';

export interface SyncContext {
  readonly masqueradeAll: boolean;
  /** localDetector.IfLocal() / IfNotLocal(); null when no detector is implemented. */
  readonly localDetector: { readonly ifLocal: readonly string[]; readonly ifNotLocal: readonly string[] } | null;
  /** localhostNodePorts && IPv4 && the localhost_nps_accepted_pkts nfacct counter exists. */
  readonly localhostNodePortCounter: boolean;
  readonly nodeIP: string;
  readonly largeClusterMode: boolean;
  readonly filterRules: LineBuffer;
  readonly natChains: LineBuffer;
  readonly natRules: LineBuffer;
}

const chainLine = (chain: string): string => `:${chain} - [0:0]`;

/**
 * computeProbability(n): fmt.Sprintf("%0.10f", 1.0/float64(n)). Go rounds the exact binary
 * value half to even; toFixed rounds a tie up, which differs when 1/n ends in a 5 at the 11th
 * decimal (n = 2048 gives 0.0004882812, not ...813).
 */
export function computeProbability(n: number): string {
  const x = 1 / n;
  const exact = x.toFixed(100);
  const cut = exact.indexOf('.') + 11;
  if (/^50*$/.test(exact.slice(cut)) && Number(exact.charAt(cut - 1)) % 2 === 0) return exact.slice(0, cut);
  return x.toFixed(10);
}

const probabilities: string[] = [];
function probability(n: number): string {
  return (probabilities[n] ??= computeProbability(n));
}

function comment(ctx: SyncContext, text: string): Words {
  // appendServiceCommentLocked: large clusters drop the comments to save space.
  return ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', text];
}

/** An endpoint's KUBE-SEP-… chain. */
type SepChain = (ep: EndpointInfo) => string;

function writeServiceToEndpointRules(ctx: SyncContext, svc: ServiceInfo, chain: string, endpoints: readonly EndpointInfo[], sep: SepChain): void {
  const nat = ctx.natRules;
  if (svc.stickySeconds > 0) {
    for (const ep of endpoints) {
      const sepChain = sep(ep);
      nat.write('-A', chain, comment(ctx, `"${svc.nameString} -> ${ep.str}"`), '-m', 'recent', '--name', sepChain, '--rcheck', '--seconds', String(svc.stickySeconds), '--reap', '-j', sepChain);
    }
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    const stat: Words = i < n - 1 ? ['-m', 'statistic', '--mode', 'random', '--probability', probability(n - i)] : [];
    nat.write('-A', chain, comment(ctx, `"${svc.nameString} -> ${ep.str}"`), stat, '-j', sep(ep));
  });
}

export function writeServiceRules(ctx: SyncContext, svc: ServiceInfo, allEndpoints: readonly EndpointInfo[]): void {
  const { nameString: name, protocol: p } = svc;
  const chains = serviceChainNames(name, p);
  const port = String(svc.port.port);
  const { cluster: clusterEndpoints, local: localEndpoints, allReachable, hasAny: hasEndpoints } = categorizeEndpoints(allEndpoints, svc);
  // The Cluster and Local endpoints are among the reachable ones: their chains are named once.
  const sepChains = new Map(allReachable.map((ep) => [ep, endpointChainName(name, p, ep.str)] as const));
  const sep: SepChain = (ep) => sepChains.get(ep) ?? endpointChainName(name, p, ep.str);
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && svc.usesClusterEndpoints;
  const usesLocalPolicyChain = localEndpoints.length > 0 && svc.usesLocalEndpoints;

  let internalTrafficChain = chains.cluster;
  let hasInternalEndpoints = hasEndpoints;
  if (svc.internalPolicyLocal) {
    internalTrafficChain = chains.local;
    if (localEndpoints.length === 0) hasInternalEndpoints = false;
  }
  let externalPolicyChain = chains.cluster;
  let hasExternalEndpoints = hasEndpoints;
  if (svc.externalPolicyLocal) {
    externalPolicyChain = chains.local;
    if (localEndpoints.length === 0) hasExternalEndpoints = false;
  }
  const externalTrafficChain = chains.external;
  const usesExternalTrafficChain = hasEndpoints && svc.externallyAccessible;
  const usesFWChain = hasEndpoints && svc.loadBalancerVIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
  const loadBalancerTrafficChain = usesFWChain ? chains.firewall : externalTrafficChain;

  let internalFilterTarget = '';
  let internalFilterComment = '';
  let externalFilterTarget = '';
  let externalFilterComment = '';
  if (!hasEndpoints) {
    internalFilterTarget = externalFilterTarget = 'REJECT';
    internalFilterComment = externalFilterComment = `"${name} has no endpoints"`;
  } else {
    if (!hasInternalEndpoints) {
      internalFilterTarget = 'DROP';
      internalFilterComment = `"${name} has no local endpoints"`;
    }
    if (!hasExternalEndpoints) {
      externalFilterTarget = 'DROP';
      externalFilterComment = `"${name} has no local endpoints"`;
    }
  }

  const { filterRules, natChains, natRules } = ctx;

  // Capture the clusterIP.
  if (hasInternalEndpoints) {
    natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} cluster IP"`, '-m', p, '-p', p, '-d', svc.clusterIP, '--dport', port, '-j', internalTrafficChain);
  } else {
    filterRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', internalFilterComment, '-m', p, '-p', p, '-d', svc.clusterIP, '--dport', port, '-j', internalFilterTarget);
  }

  // Capture externalIPs.
  for (const ip of svc.externalIPs) {
    if (hasEndpoints) {
      natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} external IP"`, '-m', p, '-p', p, '-d', ip, '--dport', port, '-j', externalTrafficChain);
    }
    if (!hasExternalEndpoints) {
      filterRules.write('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, '-m', p, '-p', p, '-d', ip, '--dport', port, '-j', externalFilterTarget);
    }
  }

  // Capture load-balancer ingress.
  for (const ip of svc.loadBalancerVIPs) {
    if (hasEndpoints) {
      natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} loadbalancer IP"`, '-m', p, '-p', p, '-d', ip, '--dport', port, '-j', loadBalancerTrafficChain);
    }
    if (usesFWChain) {
      filterRules.write('-A', 'KUBE-PROXY-FIREWALL', '-m', 'comment', '--comment', `"${name} traffic not accepted by ${chains.firewall}"`, '-m', p, '-p', p, '-d', ip, '--dport', port, '-j', 'DROP');
    }
  }
  if (!hasExternalEndpoints) {
    for (const ip of svc.loadBalancerVIPs) {
      filterRules.write('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, '-m', p, '-p', p, '-d', ip, '--dport', port, '-j', externalFilterTarget);
    }
  }

  // Capture nodeports.
  const nodePort = svc.port.nodePort;
  if (nodePort !== 0) {
    if (hasEndpoints) {
      if (ctx.localhostNodePortCounter) {
        natRules.write('-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', name, '-m', p, '-p', p, '-d', '127.0.0.0/8', '--dport', String(nodePort), '-m', 'nfacct', '--nfacct-name', 'localhost_nps_accepted_pkts', '-j', externalTrafficChain);
      }
      natRules.write('-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', name, '-m', p, '-p', p, '--dport', String(nodePort), '-j', externalTrafficChain);
    }
    if (!hasExternalEndpoints) {
      filterRules.write('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, '-m', 'addrtype', '--dst-type', 'LOCAL', '-m', p, '-p', p, '--dport', String(nodePort), '-j', externalFilterTarget);
    }
  }

  // Capture healthCheckNodePorts (whether or not there are local endpoints).
  if (svc.healthCheckNodePort !== 0) {
    filterRules.write('-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', `"${name} health check node port"`, '-m', 'tcp', '-p', 'tcp', '--dport', String(svc.healthCheckNodePort), '-j', 'ACCEPT');
  }

  // Internal traffic: masquerade off-cluster sources that reach the cluster IP.
  if (hasInternalEndpoints) {
    const args = ['-m', 'comment', '--comment', `"${name} cluster IP"`, '-m', p, '-p', p, '-d', svc.clusterIP, '--dport', port];
    if (ctx.masqueradeAll) natRules.write('-A', internalTrafficChain, args, '-j', 'KUBE-MARK-MASQ');
    else if (ctx.localDetector) natRules.write('-A', internalTrafficChain, args, ctx.localDetector.ifNotLocal, '-j', 'KUBE-MARK-MASQ');
  }

  // External traffic: NodePort, externalIP and LoadBalancer destinations.
  if (usesExternalTrafficChain) {
    natChains.write(chainLine(externalTrafficChain));
    if (!svc.externalPolicyLocal) {
      natRules.write('-A', externalTrafficChain, '-m', 'comment', '--comment', `"masquerade traffic for ${name} external destinations"`, '-j', 'KUBE-MARK-MASQ');
    } else {
      if (ctx.localDetector) {
        natRules.write('-A', externalTrafficChain, '-m', 'comment', '--comment', `"pod traffic for ${name} external destinations"`, ctx.localDetector.ifLocal, '-j', chains.cluster);
      }
      natRules.write('-A', externalTrafficChain, '-m', 'comment', '--comment', `"masquerade LOCAL traffic for ${name} external destinations"`, '-m', 'addrtype', '--src-type', 'LOCAL', '-j', 'KUBE-MARK-MASQ');
      natRules.write('-A', externalTrafficChain, '-m', 'comment', '--comment', `"route LOCAL traffic for ${name} external destinations"`, '-m', 'addrtype', '--src-type', 'LOCAL', '-j', chains.cluster);
    }
    if (hasExternalEndpoints) natRules.write('-A', externalTrafficChain, '-j', externalPolicyChain);
  }

  // loadBalancerSourceRanges.
  if (usesFWChain) {
    natChains.write(chainLine(chains.firewall));
    const args = ['-A', chains.firewall, '-m', 'comment', '--comment', `"${name} loadbalancer IP"`];
    const nodeIP = parseIpWords(ctx.nodeIP);
    let allowFromNode = false;
    for (const cidr of svc.loadBalancerSourceRanges) {
      natRules.write(args, '-s', cidr, '-j', externalTrafficChain);
      if (nodeIP !== null && ipNetContains(parseIpNet(cidr), nodeIP)) allowFromNode = true;
    }
    if (allowFromNode) for (const ip of svc.loadBalancerVIPs) natRules.write(args, '-s', ip, '-j', externalTrafficChain);
    natRules.write('-A', chains.firewall, '-m', 'comment', '--comment', `"other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL"`);
  }

  if (usesClusterPolicyChain) {
    natChains.write(chainLine(chains.cluster));
    writeServiceToEndpointRules(ctx, svc, chains.cluster, clusterEndpoints, sep);
  }
  if (usesLocalPolicyChain) {
    natChains.write(chainLine(chains.local));
    writeServiceToEndpointRules(ctx, svc, chains.local, localEndpoints, sep);
  }

  // One KUBE-SEP chain per reachable endpoint: hairpin masquerade, then DNAT.
  for (const ep of allReachable) {
    const chain = sep(ep);
    natChains.write(chainLine(chain));
    const args: Words[] = ['-A', chain, comment(ctx, name)];
    natRules.write(...args, '-s', ep.ip, '-j', 'KUBE-MARK-MASQ');
    if (svc.stickySeconds > 0) args.push(['-m', 'recent', '--name', chain, '--set']);
    natRules.write(...args, '-m', p, '-p', p, '-j', 'DNAT', '--to-destination', ep.str);
  }
}
