// Tab completion in the shell: the command names first, then, for the word under the cursor,
// the names a learner types in this cluster: pods, Services (short, with their namespace, and
// fully qualified), nodes, outside hosts, the files the shell can read and the options of the
// command. Pure: a line and the topology in, the completed line and the choices out.
import { SHELL_COMMANDS } from '../engine/lite';
import type { Topology } from '../engine';

const FILES = ['/etc/resolv.conf', '/etc/hosts', '/etc/hostname'];
const IP_OBJECTS = ['route', 'addr', 'neigh', 'rule', 'link'];
const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  curl: ['-v', '-I', '-s', '-S', '-f', '-k', '-4', '-H', '-m', '--verbose', '--head', '--silent', '--max-time', '--header', '--insecure'],
  ping: ['-c', '-n', '-q', '-i', '-t', '-s', '-M', '-4'], traceroute: ['-n', '-m', '-q', '-w'], dig: ['+short', '+search', '-x', 'A', 'AAAA', 'SRV', 'PTR', 'TXT'],
  nc: ['-z', '-v', '-u', '-n', '-w', '-zv'], ss: ['-tuln', '-tuan', '-t', '-u', '-l', '-n', '-a'], wget: ['-q', '-S', '-O', '-O-', '-qO-'],
};

/** Every name the cluster offers for a command's arguments. */
export function clusterWords(topo: Topology): string[] {
  const out = new Set<string>();
  for (const e of topo.elements) {
    if (e.kind === 'pod' && e.sendRef) { out.add(e.label); if (e.addresses?.[0]) out.add(e.addresses[0]); }
    if (e.kind === 'node') out.add(e.label);
    if (e.kind === 'outside' && e.addresses?.[0]) out.add(e.addresses[0]);
    if (e.kind === 'service' && e.sendRef) {
      const [ns, name] = e.sendRef.slice(4).split('/');
      if (ns && name) { out.add(name); out.add(`${name}.${ns}`); out.add(`${name}.${ns}.svc.cluster.local`); }
      for (const a of e.addresses ?? []) out.add(a);
    }
    if (e.kind === 'loadbalancer') for (const a of e.addresses ?? []) out.add(a);
  }
  return [...out].sort();
}

const common = (xs: readonly string[]) => xs.reduce((a, b) => { let i = 0; while (i < a.length && a[i] === b[i]) i++; return a.slice(0, i); });

export interface Completion {
  /** The line with the word completed as far as the choices agree. */
  readonly line: string;
  /** The choices, when more than one fits. */
  readonly choices: readonly string[];
}

export function complete(line: string, topo: Topology): Completion {
  const start = line.lastIndexOf(' ') + 1;
  const word = line.slice(start);
  const words = line.slice(0, start).trim().split(/\s+/).filter((w) => w !== '');
  const cmd = words[0];
  // A URL: complete the host after the scheme.
  const url = /^(https?:\/\/)(.*)$/.exec(word);
  const prefix = url ? url[1]! : '';
  const stem = url ? url[2]! : word;
  let pool: readonly string[];
  if (words.length === 0) pool = SHELL_COMMANDS;
  else if (cmd === 'cat') pool = FILES;
  else if (cmd === 'ip' && words.length === 1) pool = IP_OBJECTS;
  else if (cmd === 'bridge' && words.length === 1) pool = ['fdb'];
  else pool = [...(stem.startsWith('-') || stem.startsWith('+') ? OPTIONS[cmd ?? ''] ?? [] : []), ...(stem.startsWith('-') ? [] : clusterWords(topo))];
  const choices = pool.filter((w) => w.startsWith(stem));
  if (choices.length === 0) return { line, choices: [] };
  const done = choices.length === 1 ? `${choices[0]!}${words.length === 0 || !url ? ' ' : ''}` : common(choices);
  return { line: `${line.slice(0, start)}${prefix}${done}`, choices: choices.length > 1 ? choices : [] };
}
