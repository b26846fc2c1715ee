// exec(cluster, { from, command }): a command line in a pod's, node's or outside host's
// shell, run and printed as the real tool prints it. Network commands come with the trace of
// the conversation they made; the rest read the namespace: its routes, addresses, rules,
// neighbours and bridge table (in the state earlier commands left), its resolv.conf and
// hosts file, its listening sockets.
import type { Cluster, Netns } from '../cluster/types';
import { formatBridgeFdb, formatIpAddr, formatIpNeigh, formatIpRoute } from '../format/iproute';
import { formatIpLink, formatIpRule } from '../format/iplink';
import { cniNetnsName } from '../format/names';
import { hostsOf } from '../dns/hosts';
import { resolvConfOf } from '../dns/resolvconf';
import { CLUSTER_DOMAIN } from '../dns/records';
import { EMPTY_STATE, type DynState } from '../stack/state';
import type { Trace } from '../trace/types';
import type { Sender } from '../conversation/sender';
import type { CommandOutput } from './results';
import { COMMANDS, runCommand, type CommandResult, type ExecSpec } from './run';
import { getopt } from './parse';
import { printCurl, printDig, printHosts, printNc, printNslookup, printPing, printResolvConf, printSs, printTraceroute, printWget, type SsSocket } from './print';

export type ExecResult =
  | { readonly ok: true; readonly output: CommandOutput; readonly trace: Trace | null; readonly state: DynState }
  | { readonly ok: false; readonly error: string };

const out = (stdout: string, exitCode = 0): CommandOutput => ({ stdout, stderr: '', exitCode });
const err = (stderr: string, exitCode: number): CommandOutput => ({ stdout: '', stderr, exitCode });

export const HELP = `podpath's shell runs one command at a time, in this pod, node or host, against the simulated cluster.
Every network command walks its packets through the cluster; the hop list and the graph show them.

  curl [-v] [-I] [-s] [-S] [-f] [-k] [-4] [-H 'Name: value'] [-m SECS] URL
  wget [-q] [-S] [-O FILE|-] URL   (a file is not kept: podpath has no files)
  ping [-c N] [-n] [-q] [-i SECS] [-t TTL] [-s BYTES] [-M do|want|dont] HOST
  traceroute [-n] [-m MAXTTL] [-q N] HOST
  nslookup NAME [SERVER]
  dig [@SERVER] [+short] [+search] [TYPE] NAME      dig -x ADDRESS
  nc -zv [-u] [-n] [-w SECS] HOST PORT
  ip route | ip addr | ip neigh | ip rule | ip link
  bridge fdb
  ss -tuln | ss -tuan
  cat /etc/resolv.conf | cat /etc/hosts
  hostname
  help
`;

function hostnameOf(cluster: Cluster, s: Sender): string {
  const pod = s.podKey ? cluster.pod(s.podKey) : s.ns.kind === 'pod' ? cluster.pod(s.ns.name) : undefined;
  if (pod && !pod.spec.hostNetwork) return pod.spec.hostname ?? pod.spec.name;
  return s.ns.machine;
}

function ipCommand(ns: Netns, state: DynState, args: readonly string[]): CommandOutput {
  const [object = '', verb = 'show'] = args;
  if (verb !== 'show' && verb !== 'list' && verb !== 'ls') return err(`podpath: "ip ${object} ${verb}" changes the namespace; only showing is modelled (edit routes in the Podpath document's spec.routes)\n`, 1);
  const match = (full: string) => object.length > 0 && full.startsWith(object);
  if (match('route')) return out(formatIpRoute(ns));
  if (match('address') || object === 'a') return out(formatIpAddr(ns, cniNetnsName));
  if (match('neighbour') || match('neighbor')) return out(formatIpNeigh(ns, state));
  if (match('rule')) return out(formatIpRule());
  if (match('link')) return out(formatIpLink(ns, cniNetnsName));
  if (object === '') return err('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | link | neighbour | route | rule }\n', 255);
  return err(`Object "${object}" is unknown, try "ip help".\n`, 1);
}

/** The machine's /etc/hosts: the kubelet's file for a pod, docker's for a kind node (and a host-network pod, under the kubelet's header). */
function hostsText(cluster: Cluster, s: Sender): string {
  const pod = s.podKey ? cluster.pod(s.podKey) : s.ns.kind === 'pod' ? cluster.pod(s.ns.name) : undefined;
  const file = hostsOf(cluster, s.ns, s.podKey);
  const lines = (entries: typeof file.entries) => entries.map((e) => `${e.ip}\t${e.names.join(e.sep ?? '\t')}\n`).join('');
  if (!pod) return lines(file.entries);
  const aliases = pod.spec.hostAliases;
  if (pod.spec.hostNetwork) return printHosts({ podIPs: [pod.ip], hostname: pod.spec.hostname ?? pod.spec.name, hostAliases: aliases, hostNetwork: { nodeHosts: lines(file.entries) } });
  return printHosts({
    podIPs: [pod.ip], hostname: pod.spec.hostname ?? pod.spec.name, hostAliases: aliases,
    ...(pod.spec.subdomain ? { hostDomain: `${pod.spec.subdomain}.${pod.spec.namespace}.svc.${CLUSTER_DOMAIN}` } : {}),
  });
}

function catCommand(cluster: Cluster, s: Sender, args: readonly string[]): CommandOutput {
  const parts: string[] = [];
  let failed = '';
  for (const f of args) {
    if (f === '/etc/resolv.conf') {
      const rc = resolvConfOf(cluster, s.ns, s.podKey);
      parts.push(printResolvConf({ searches: rc.search, nameservers: rc.nameservers, options: rc.options }));
    } else if (f === '/etc/hosts') parts.push(hostsText(cluster, s));
    else if (f === '/etc/hostname') parts.push(`${hostnameOf(cluster, s)}\n`);
    else failed += `cat: ${f}: No such file or directory\n`;
  }
  return { stdout: parts.join(''), stderr: failed, exitCode: failed ? 1 : 0 };
}

/** `ss`: the namespace's listening sockets (podpath keeps none after a command ends, so no connections or TIME-WAIT). */
function ssCommand(ns: Netns, args: readonly string[]): CommandOutput {
  const p = getopt(args, { flags: ['t', 'u', 'l', 'n', 'a', 'p', '4', 'w', 'x'], values: [] });
  if (!p.ok) return err(`ss: invalid option -- '${p.bad.replace(/^-+/, '')}'\n`, 1);
  // SCTP sockets need ss -S, which podpath's ss does not print.
  const sockets: SsSocket[] = ns.listeners.flatMap((l) => (l.proto === 'sctp' ? [] : [{
    netid: l.proto, state: l.proto === 'tcp' ? 'LISTEN' : 'UNCONN', recvQ: 0, sendQ: l.proto === 'tcp' ? 4096 : 0,
    local: { addr: l.addr, port: l.port }, peer: { addr: '0.0.0.0', port: 0 },
  } as const]));
  return printSs(sockets, { tcp: p.flags.has('t'), udp: p.flags.has('u'), listening: p.flags.has('l'), all: p.flags.has('a'), numeric: p.flags.has('n'), processes: p.flags.has('p') });
}

function local(cluster: Cluster, s: Sender, state: DynState, argv: readonly string[]): CommandOutput {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case undefined: return out('');
    case 'help': return out(HELP);
    case 'hostname': return out(`${hostnameOf(cluster, s)}\n`);
    case 'ip': return ipCommand(s.ns, state, args.filter((a) => !a.startsWith('-')));
    case 'bridge': {
      if (args[0] !== 'fdb') return err('Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { fdb }\n', 255);
      return out(formatBridgeFdb(s.ns, state));
    }
    case 'cat': return args.length === 0 ? err('podpath: cat reads files; try cat /etc/resolv.conf\n', 1) : catCommand(cluster, s, args);
    case 'ss': return ssCommand(s.ns, args);
    default:
      return err(`podpath: ${cmd}: this command is not modelled here. The shell knows: ${COMMANDS.join(', ')} (help lists them with their options).\n`, 127);
  }
}

function print(cluster: Cluster, s: Sender, state: DynState, c: CommandResult): CommandOutput {
  switch (c.tool) {
    case 'curl': return printCurl(c.result, { verbose: c.flags.verbose, head: c.flags.head, silent: c.flags.silent, showError: c.flags.showError, fail: c.flags.fail });
    case 'wget': return printWget(c.result, { quiet: c.quiet, serverResponse: c.serverResponse, ...(c.output !== undefined ? { outputDocument: c.output } : {}) });
    case 'ping': return printPing(c.result);
    case 'traceroute': return printTraceroute(c.result);
    case 'nslookup': return printNslookup(c.result);
    case 'dig': return printDig(c.result);
    case 'nc': return printNc(c.result, { verbose: c.verbose, ...(c.numeric ? { numeric: true } : {}), ...(c.waitSeconds !== undefined ? { waitSeconds: c.waitSeconds } : {}) });
    case 'local': return local(cluster, s, state, c.argv);
    case 'error': return err(c.stderr, c.exitCode);
  }
}

/** Runs one command line; `state` is what earlier commands (or a send) left in the tables. */
export function exec(cluster: Cluster, spec: ExecSpec, state: DynState = EMPTY_STATE): ExecResult {
  const r = runCommand(cluster, spec, state);
  if (!r.ok) return r;
  return { ok: true, output: print(cluster, r.sender, r.state, r.command), trace: r.trace, state: r.state };
}
