// `ipset list` as ipset(8) prints it: name, type, revision, header, memory, references,
// entries. Revisions are those of a 5.10–6.0 kernel; `Size in memory` is an approximation
// fitted to real captures; the hash `initval` is random in the kernel and a stable hash of
// the set's name here.
import { fnv32a } from '../../lib/hash';
import type { Ipset, IpsetType } from './types';

/** Kernel set-type revisions as a 5.10–6.0 kernel reports them (the captures' kernels). */
const REVISION: Readonly<Record<IpsetType, number>> = {
  'hash:ip': 5,
  'hash:net': 7,
  'hash:ip,port': 6,
  'hash:ip,port,ip': 6,
  'hash:ip,port,net': 8,
  'bitmap:port': 3,
};

/** Approximate kernel memsize: empty size + per-entry growth, fitted to real captures. */
const MEMSIZE: Readonly<Record<IpsetType, readonly [number, number]>> = {
  'hash:ip': [216, 40],
  'hash:net': [472, 48],
  'hash:ip,port': [200, 48],
  'hash:ip,port,ip': [208, 56],
  'hash:ip,port,net': [464, 64],
  'bitmap:port': [8264, 0],
};

export interface IpsetListOptions {
  /** The random initval the kernel picked for a hash set; default: a stable hash of the name. */
  readonly initval?: (name: string) => number;
}

/** How many iptables rules use the set (the kernel's reference count). */
function references(rulesText: string, name: string): number {
  return rulesText.split(`--match-set ${name} `).length - 1;
}

function printIpset(rulesText: string, set: Ipset, opts: IpsetListOptions): string {
  const initval = (opts.initval ?? fnv32a)(set.name) >>> 0;
  const header =
    set.type === 'bitmap:port'
      ? 'range 0-65535'
      : `family inet hashsize 1024 maxelem 65536 bucketsize 12 initval 0x${initval.toString(16).padStart(8, '0')}`;
  const [base, per] = MEMSIZE[set.type];
  return [
    `Name: ${set.name}`,
    `Type: ${set.type}`,
    `Revision: ${REVISION[set.type]}`,
    `Header: ${header}`,
    `Size in memory: ${base + per * set.entries.size}`,
    `References: ${references(rulesText, set.name)}`,
    `Number of entries: ${set.entries.size}`,
    'Members:',
    ...set.entries,
  ].join('\n');
}

/** `ipset list` (all sets) or `ipset list NAME`, newline-terminated; `rulesText` is the iptables text that references them. */
export function printIpsets(sets: readonly Ipset[], rulesText: string, name?: string, opts: IpsetListOptions = {}): string {
  const shown = sets.filter((s) => name === undefined || s.name === name);
  return `${shown.map((s) => printIpset(rulesText, s, opts)).join('\n\n')}\n`;
}

