// Policy routing rules as `ip rule show` prints them: "<priority>:\t[not ]from <src> [to <dst>]
// [fwmark <mark>/<mask>] [iif <dev>] lookup <table>", an address without its /32.
import { cidrText, type Cidr } from '../lib/ip';
import type { IpRule, Netns } from '../cluster/types';

const addr = (c: Cidr) => (c.prefix === 32 ? cidrText(c).slice(0, -3) : cidrText(c));
const hex = (n: number) => `0x${n.toString(16)}`;

/** The selector and action of a rule, without its priority. */
export function formatRule(r: IpRule): string {
  const parts: string[] = [];
  if (r.not) parts.push('not');
  parts.push('from', r.from ? addr(r.from) : 'all');
  if (r.to) parts.push('to', addr(r.to));
  if (r.fwmark) parts.push('fwmark', r.fwmark.mask === 0xffffffff ? hex(r.fwmark.mark) : `${hex(r.fwmark.mark)}/${hex(r.fwmark.mask)}`);
  if (r.iif) parts.push('iif', r.iif);
  parts.push('lookup', String(r.table));
  return parts.join(' ');
}

/** `ip rule show` */
export function formatIpRule(ns: Netns): string {
  return ns.rules.map((r) => `${r.priority}:\t${formatRule(r)}`).join('\n') + '\n';
}
