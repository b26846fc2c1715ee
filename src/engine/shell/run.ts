// A shell command in a pod, on a node or on a host outside: parse the command line, run it
// against the compiled cluster, and return what it found out (as data for its printer) with
// the conversation's trace. Network commands make real conversations; the others read the
// namespace's state (routes, neighbours, sockets, files).
import type { Cluster } from '../cluster/types';
import { Conversation } from '../conversation/conversation';
import type { Sender } from '../conversation/sender';
import { resolveSource } from '../stack/endpoints';
import { EMPTY_STATE, type DynState } from '../stack/state';
import type { DnsType, Trace } from '../trace/types';
import { getopt, splitWords } from './parse';
import type { CurlResult, DnsToolResult, NcResult, PingResult, TracerouteResult } from './results';
import { runCurl } from './commands/curl';
import { runPing } from './commands/ping';
import { runTraceroute } from './commands/traceroute';
import { runDnsTool } from './commands/dnstools';
import { runNc } from './commands/nc';
import { ptrName } from './commands/reverse';

export interface ExecSpec {
  /** POD or NAMESPACE/POD, node:NAME or external:IP. */
  readonly from: string;
  readonly container?: string;
  readonly command: string;
  readonly seed?: number;
}

/** What a command found out, for its printer. */
export type CommandResult =
  | { readonly tool: 'curl'; readonly result: CurlResult; readonly flags: CurlFlags }
  | { readonly tool: 'wget'; readonly result: CurlResult; readonly quiet: boolean }
  | { readonly tool: 'ping'; readonly result: PingResult }
  | { readonly tool: 'traceroute'; readonly result: TracerouteResult; readonly numeric: boolean }
  | { readonly tool: 'nslookup'; readonly result: DnsToolResult }
  | { readonly tool: 'dig'; readonly result: DnsToolResult }
  | { readonly tool: 'nc'; readonly result: NcResult; readonly verbose: boolean }
  /** A command that reads state and prints it itself (ip, cat, hostname, ss, help). */
  | { readonly tool: 'local'; readonly argv: readonly string[] }
  /** The command line could not run: what a shell or the tool would say, and the exit code. */
  | { readonly tool: 'error'; readonly stderr: string; readonly exitCode: number };

export interface CurlFlags {
  readonly verbose: boolean;
  readonly head: boolean;
  readonly silent: boolean;
  readonly showError: boolean;
  readonly fail: boolean;
  readonly output?: string;
}

export type RunResult =
  | { readonly ok: true; readonly sender: Sender; readonly command: CommandResult; readonly trace: Trace | null; readonly state: DynState }
  | { readonly ok: false; readonly error: string };

import { COMMANDS } from './commands';
export { COMMANDS };

const bad = (stderr: string, exitCode = 2): CommandResult => ({ tool: 'error', stderr, exitCode });

function curlCommand(conv: Conversation, s: Sender, args: readonly string[], wget: boolean): CommandResult {
  if (wget) {
    const p = getopt(args, { flags: ['q', 'S'], values: ['O', 'T'] });
    if (!p.ok) return bad(`wget: unrecognized option '${p.bad}'\nBusyBox v1.36.1 (2023-11-07 10:34:16 UTC) multi-call binary.\n`, 1);
    const url = p.rest[0];
    if (!url) return bad('wget: missing URL\n', 1);
    const t = p.values.get('T')?.at(-1);
    const r = runCurl(conv, s, { url, head: false, headers: [], insecure: false, ipv4: false, ...(t ? { maxTimeSeconds: Number(t) } : {}), userAgent: 'Wget' }, 'wget');
    if ('error' in r) return bad(`wget: bad address '${url}'\n`, 1);
    return { tool: 'wget', result: r, quiet: p.flags.has('q') };
  }
  const p = getopt(args, {
    flags: ['v', 'I', 's', 'S', 'f', 'k', '4', 'L', 'verbose', 'head', 'silent', 'show-error', 'fail', 'insecure', 'ipv4', 'location'],
    values: ['H', 'm', 'o', 'X', 'header', 'max-time', 'output', 'request', 'connect-timeout'],
    aliases: { verbose: 'v', head: 'I', silent: 's', 'show-error': 'S', fail: 'f', insecure: 'k', ipv4: '4', location: 'L', header: 'H', 'max-time': 'm', output: 'o', request: 'X' },
  });
  if (!p.ok) return bad(`curl: option ${p.bad}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  const url = p.rest[0];
  if (!url) return bad(`curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  const headers = (p.values.get('H') ?? []).flatMap((h) => {
    const i = h.indexOf(':');
    return i > 0 ? [{ name: h.slice(0, i).trim(), value: h.slice(i + 1).trim() }] : [];
  });
  const m = p.values.get('m')?.at(-1) ?? p.values.get('connect-timeout')?.at(-1);
  if (m !== undefined && !(Number(m) > 0)) return bad(`curl: option -m: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  const method = p.values.get('X')?.at(-1)?.toUpperCase();
  const head = p.flags.has('I') || method === 'HEAD';
  const r = runCurl(conv, s, { url, head, headers, insecure: p.flags.has('k'), ipv4: p.flags.has('4'), ...(m !== undefined ? { maxTimeSeconds: Number(m) } : {}) });
  if ('error' in r) return bad(`curl: (3) ${r.error}\n`, 3);
  const output = p.values.get('o')?.at(-1);
  return {
    tool: 'curl', result: r,
    flags: { verbose: p.flags.has('v'), head, silent: p.flags.has('s'), showError: p.flags.has('S'), fail: p.flags.has('f'), ...(output !== undefined ? { output } : {}) },
  };
}

function pingCommand(conv: Conversation, s: Sender, args: readonly string[]): CommandResult {
  const p = getopt(args, { flags: ['n', '4', 'q'], values: ['c', 't', 'W', 'i', 's', 'M'] });
  if (!p.ok) return bad(`ping: invalid option -- '${p.bad.replace(/^-+/, '')}'\n`);
  const m = p.values.get('M')?.at(-1);
  // iputils: do, dont and want set IP_MTU_DISCOVER; probe (DF, the path MTU ignored) is taken as do.
  const pmtudisc = m === undefined ? undefined : ({ do: 'do', dont: 'dont', want: 'want', probe: 'do' } as const)[m as 'do'];
  if (m !== undefined && pmtudisc === undefined) return bad(`ping: invalid -M argument: ${m}\n`);
  const sz = p.values.get('s')?.at(-1);
  const dataLen = sz === undefined ? undefined : Number(sz);
  if (sz !== undefined && !(/^\d+$/.test(sz) && Number.isSafeInteger(dataLen))) return bad(`ping: invalid argument: '${sz}'\n`, 1);
  if (dataLen !== undefined && dataLen > 65507) return bad(`ping: packet size ${dataLen} is too large. Maximum is 65507\n`);
  const target = p.rest[0];
  if (!target) return bad('ping: usage error: Destination address required\n', 1);
  const c = p.values.get('c')?.at(-1);
  const count = c === undefined ? undefined : Number(c);
  if (count !== undefined && !(Number.isInteger(count) && count > 0 && count <= 1000)) return bad(`ping: invalid argument: '${c}': out of range: 1 <= value <= 1000\n`, 1);
  const t = p.values.get('t')?.at(-1);
  return { tool: 'ping', result: runPing(conv, s, {
    target, ...(count !== undefined ? { count } : {}), ...(t !== undefined ? { ttl: Number(t) } : {}), numeric: p.flags.has('n'), ipv4: p.flags.has('4'),
    ...(dataLen !== undefined ? { dataLen } : {}), ...(pmtudisc !== undefined ? { pmtudisc } : {}),
  }) };
}

function tracerouteCommand(conv: Conversation, s: Sender, args: readonly string[]): CommandResult {
  const p = getopt(args, { flags: ['n', 'I'], values: ['m', 'q', 'w'] });
  if (!p.ok) return bad(`Bad option \`${p.bad}' (argc 1)\n`);
  const target = p.rest[0];
  if (!target) return bad('Specify "host" missing argument.\n');
  const num = (k: string, d: number) => Number(p.values.get(k)?.at(-1) ?? d);
  return { tool: 'traceroute', numeric: p.flags.has('n'), result: runTraceroute(conv, s, { target, maxHops: Math.min(255, num('m', 30)), queries: Math.min(10, num('q', 3)), numeric: p.flags.has('n'), waitSeconds: num('w', 5) }) };
}

const DNS_TYPES = new Set(['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'SOA', 'NS', 'MX', 'ANY']);

function digCommand(conv: Conversation, s: Sender, args: readonly string[]): CommandResult {
  let server: string | undefined, type: DnsType = 'A', name: string | undefined;
  let short = false, search = false, tries = 3;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a.startsWith('+tries=')) tries = Math.max(1, Number(a.slice(7)) || 1);
    else if (a.startsWith('+')) continue;
    else if (a === '-x' && args[i + 1]) { name = ptrName(args[++i]!); type = 'PTR'; }
    else if (a === '-t' && args[i + 1]) type = args[++i]!.toUpperCase() as DnsType;
    else if (DNS_TYPES.has(a.toUpperCase()) && name !== undefined) type = a.toUpperCase() as DnsType;
    else if (DNS_TYPES.has(a.toUpperCase()) && args.slice(i + 1).some((x) => !x.startsWith('+') && !x.startsWith('@'))) type = a.toUpperCase() as DnsType;
    else name = a;
  }
  if (name === undefined) name = '.';
  return { tool: 'dig', result: runDnsTool(conv, s, { name, type, ...(server ? { server } : {}), search, short, tries, edns: true, args }, 'dig') };
}

function nslookupCommand(conv: Conversation, s: Sender, args: readonly string[]): CommandResult {
  const plain = args.filter((a) => !a.startsWith('-'));
  const typeOpt = args.find((a) => a.startsWith('-type=') || a.startsWith('-query='));
  const name = plain[0];
  if (!name) return bad('podpath: nslookup\'s interactive mode is not modelled; give a name: nslookup NAME [SERVER]\n', 1);
  const type = (typeOpt?.split('=')[1]?.toUpperCase() ?? 'A') as DnsType;
  const isAddr = /^\d+\.\d+\.\d+\.\d+$/.test(name);
  return {
    tool: 'nslookup',
    result: runDnsTool(conv, s, { name: isAddr ? ptrName(name) : name, type: isAddr ? 'PTR' : type, ...(plain[1] ? { server: plain[1] } : {}), search: !isAddr && !name.endsWith('.'), short: false, tries: 2, edns: false }, 'nslookup'),
  };
}

function ncCommand(conv: Conversation, s: Sender, args: readonly string[]): CommandResult {
  const p = getopt(args, { flags: ['z', 'v', 'u', 'n'], values: ['w'] });
  if (!p.ok) return bad(`nc: invalid option -- '${p.bad.replace(/^-+/, '')}'\nusage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n`, 1);
  const [host, port] = p.rest;
  if (!host || !port) return bad('usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n', 1);
  if (!p.flags.has('z')) return bad('podpath: nc without -z (an open session) is not modelled; use nc -zv HOST PORT\n', 1);
  const n = Number(port);
  if (!Number.isInteger(n) || n < 1 || n > 65535) return bad(`nc: port number invalid: ${port}\n`, 1);
  const w = p.values.get('w')?.at(-1);
  return { tool: 'nc', verbose: p.flags.has('v'), result: runNc(conv, s, { host, port: n, udp: p.flags.has('u'), ...(w !== undefined ? { waitSeconds: Number(w) } : {}) }) };
}

const NETWORK = new Set(['curl', 'wget', 'ping', 'traceroute', 'nslookup', 'dig', 'nc']);

export function runCommand(cluster: Cluster, spec: ExecSpec, state: DynState = EMPTY_STATE): RunResult {
  const src = resolveSource(cluster, spec.from, spec.container);
  if (!src.ok) return src;
  const sender = src.value;
  const words = splitWords(spec.command.trim());
  if (!words.ok) return { ok: true, sender, command: bad(`${words.error}\n`, 2), trace: null, state };
  const [cmd, ...args] = words.argv;
  if (cmd === undefined) return { ok: true, sender, command: { tool: 'local', argv: [] }, trace: null, state };
  if (!NETWORK.has(cmd)) return { ok: true, sender, command: { tool: 'local', argv: words.argv }, trace: null, state };
  const conv = new Conversation(cluster, spec.seed ?? cluster.seed, state);
  let command: CommandResult;
  switch (cmd) {
    case 'curl': command = curlCommand(conv, sender, args, false); break;
    case 'wget': command = curlCommand(conv, sender, args, true); break;
    case 'ping': command = pingCommand(conv, sender, args); break;
    case 'traceroute': command = tracerouteCommand(conv, sender, args); break;
    case 'dig': command = digCommand(conv, sender, args); break;
    case 'nslookup': command = nslookupCommand(conv, sender, args); break;
    default: command = ncCommand(conv, sender, args); break;
  }
  const trace = conv.exchanges.length > 0
    ? conv.trace({ kind: 'command', from: spec.from, ...(spec.container ? { container: spec.container } : {}), command: spec.command.trim() })
    : null;
  return { ok: true, sender, command, trace, state: trace ? conv.snapshot() : state };
}
