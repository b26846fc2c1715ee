// `ss`: the namespace's sockets as iproute2's ss prints them (Netid, State, Recv-Q, Send-Q,
// Local Address:Port, Peer Address:Port), columns padded to their widest entry. The
// listening sockets are the applications' (and on a node, kubelet, kube-proxy and the
// control plane's); podpath keeps no sockets after a command ends, so connections a
// finished command made (and their TIME-WAIT) are not listed.
import type { Netns } from '../cluster/types';
import type { DynState } from '../stack/state';
import { getopt } from './parse';
import type { CommandOutput } from './results';

export function printSockets(ns: Netns, _state: DynState, args: readonly string[]): CommandOutput {
  const p = getopt(args, { flags: ['t', 'u', 'l', 'n', 'a', 'p', 'w', 'x', '4'], values: [] });
  if (!p.ok) return { stdout: '', stderr: `ss: invalid option -- '${p.bad.replace(/^-+/, '')}'\n`, exitCode: 1 };
  const tcp = p.flags.has('t') || !p.flags.has('u');
  const udp = p.flags.has('u') || !p.flags.has('t');
  const numeric = p.flags.has('n');
  const port = (n: number) => (numeric ? String(n) : ({ 53: 'domain', 80: 'http', 443: 'https', 6443: 'sun-sr-https' } as Record<number, string>)[n] ?? String(n));
  const rows = ns.listeners
    .filter((l) => (l.proto === 'tcp' ? tcp : udp))
    .map((l) => [l.proto, l.proto === 'tcp' ? 'LISTEN' : 'UNCONN', '0', l.proto === 'tcp' ? '4096' : '0', `${l.addr === '0.0.0.0' ? '0.0.0.0' : l.addr}:${port(l.port)}`, '0.0.0.0:*']);
  const head = ['Netid', 'State', 'Recv-Q', 'Send-Q', 'Local Address:Port', 'Peer Address:Port'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i]!))).join(' ').trimEnd();
  return { stdout: `${all.map(line).join('\n')}\n`, stderr: '', exitCode: 0 };
}
