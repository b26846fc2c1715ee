// The `-m ipvs` match (xt_ipvs, libxt_ipvs): does a packet belong to an IPVS connection, and
// to which virtual service. kube-proxy's IPVS mode writes it in KUBE-IPVS-OUT-FILTER to drop
// what a node sends to a load balancer address its loadBalancerSourceRanges leave out:
// `-s IP -m ipvs --vaddr IP --vproto tcp --vport 80 -j DROP`. As ipvs_mt() does, every option
// but `--ipvs` alone implies `--ipvs`: without an IPVS connection nothing else is looked at.
import { formatIpWords, parseIpNet, parseIpWords, type IpWords } from './addr';
import type { NfPacket } from './eval-types';
import { RuleParseError } from './parse-values';
import type { Builder, OptionSpec } from './parse-modules';

export type IpvsOption = 'ipvs' | 'vproto' | 'vaddr' | 'vport' | 'vdir' | 'vmethod' | 'vportctl';

export type IpvsOptionValue =
  | { readonly opt: 'ipvs'; readonly neg: boolean }
  | { readonly opt: 'vproto'; readonly neg: boolean; readonly text: string; readonly proto: number }
  | { readonly opt: 'vaddr'; readonly neg: boolean; readonly text: string; readonly addr: IpWords; readonly mask: IpWords; readonly prefix: number }
  | { readonly opt: 'vport' | 'vportctl'; readonly neg: boolean; readonly text: string; readonly port: number }
  | { readonly opt: 'vdir'; readonly neg: false; readonly text: string; readonly reply: boolean }
  | { readonly opt: 'vmethod'; readonly neg: boolean; readonly text: string; readonly method: 'GATE' | 'IPIP' | 'MASQ' };

export interface IpvsMatch {
  readonly kind: 'ipvs';
  /** In the order written (the restore form prints them so). */
  readonly options: readonly IpvsOptionValue[];
}

const PROTO_NUMBERS: Readonly<Record<string, number>> = { tcp: 6, udp: 17, sctp: 132, icmp: 1 };

function port(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new RuleParseError(`invalid port "${v}"`);
  return n;
}

function add(b: Builder, o: IpvsOptionValue): void {
  const list = (b.options ??= []) as IpvsOptionValue[];
  if (list.some((x) => x.opt === o.opt)) throw new RuleParseError(`ipvs: --${o.opt} given twice`);
  list.push(o);
}

const spec = (negatable: boolean, arity: 0 | 1, make: (v: string, neg: boolean) => IpvsOptionValue): OptionSpec => ({
  arity, negatable, apply: (b, v, _v2, neg) => add(b, make(v, neg)),
});

/** libxt_ipvs's options: `[!] --ipvs`, `[!] --vproto`, `[!] --vaddr`, `[!] --vport`, `--vdir`, `[!] --vmethod`, `[!] --vportctl`. */
export const IPVS_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ipvs: spec(true, 0, (_v, neg) => ({ opt: 'ipvs', neg })),
  vproto: spec(true, 1, (v, neg) => {
    const proto = PROTO_NUMBERS[v.toLowerCase()] ?? (/^\d+$/.test(v) && Number(v) <= 255 ? Number(v) : undefined);
    if (proto === undefined) throw new RuleParseError(`ipvs: unknown protocol "${v}"`);
    return { opt: 'vproto', neg, text: v, proto };
  }),
  vaddr: spec(true, 1, (v, neg) => {
    const slash = v.indexOf('/');
    const addr = parseIpWords(slash < 0 ? v : v.slice(0, slash));
    let net;
    try { net = parseIpNet(v); } catch { net = undefined; }
    if (addr === null || net === undefined || addr.length !== 1) throw new RuleParseError(`ipvs: invalid --vaddr "${v}"`);
    return { opt: 'vaddr', neg, text: v, addr, mask: net.mask, prefix: net.prefix };
  }),
  vport: spec(true, 1, (v, neg) => ({ opt: 'vport', neg, text: v, port: port(v) })),
  vportctl: spec(true, 1, (v, neg) => ({ opt: 'vportctl', neg, text: v, port: port(v) })),
  vdir: spec(false, 1, (v) => {
    const d = v.toUpperCase();
    if (d !== 'ORIGINAL' && d !== 'REPLY') throw new RuleParseError(`ipvs: bad value for --vdir: "${v}"`);
    return { opt: 'vdir', neg: false, text: v, reply: d === 'REPLY' };
  }),
  vmethod: spec(true, 1, (v, neg) => {
    const m = v.toUpperCase();
    if (m !== 'GATE' && m !== 'IPIP' && m !== 'MASQ') throw new RuleParseError(`ipvs: bad value for --vmethod: "${v}"`);
    return { opt: 'vmethod', neg, text: v, method: m };
  }),
};

/** ipvs_mt_check(): at least one option, and `! --ipvs` alone. */
export function checkIpvs(b: Builder): void {
  const list = (b.options ?? []) as IpvsOptionValue[];
  if (list.length === 0) throw new RuleParseError('IPVS: At least one option is required');
  if (list.length > 1 && list.some((o) => o.opt === 'ipvs' && o.neg)) throw new RuleParseError('! --ipvs cannot be together with other options');
}

const sameMasked = (a: IpWords, b: IpWords, mask: IpWords) => ((((a[0] ?? 0) ^ (b[0] ?? 0)) & (mask[0] ?? 0)) >>> 0) === 0;
const PKT_PROTO: Readonly<Record<NfPacket['proto'], number>> = { icmp: 1, ipip: 4, tcp: 6, udp: 17, sctp: 132 };

/** ipvs_mt(): the packet's IPVS connection (skb->ipvs_property and ip_vs_conn) against each option. */
export function ipvsMatches(m: IpvsMatch, pkt: NfPacket): boolean {
  const conn = pkt.ipvs;
  if (m.options.length === 1 && m.options[0]?.opt === 'ipvs') return (conn !== undefined) !== m.options[0].neg;
  if (!conn) return false;
  for (const o of m.options) {
    switch (o.opt) {
      case 'ipvs': break;
      case 'vproto': if ((PKT_PROTO[pkt.proto] === o.proto) === o.neg) return false; break;
      case 'vaddr': {
        const words = parseIpWords(conn.vaddr);
        if ((words !== null && sameMasked(words, o.addr, o.mask)) === o.neg) return false;
        break;
      }
      case 'vport': if ((conn.vport === o.port) === o.neg) return false; break;
      // No controlling connection (FTP) is modelled, so --vportctl never matches.
      case 'vportctl': if (!o.neg) return false; break;
      case 'vdir': if (conn.reply !== o.reply) return false; break;
      case 'vmethod': if ((conn.method === o.method) === o.neg) return false; break;
    }
  }
  return true;
}

const SAVE_ORDER: readonly IpvsOption[] = ['ipvs', 'vproto', 'vaddr', 'vport', 'vdir', 'vmethod', 'vportctl'];
const not = (neg: boolean): string => (neg ? ' !' : '');

/** ipvs_mt_dump() with the save prefix "--": numbers for protocols, `/N` only when the mask is not /32. */
export function saveIpvs(m: IpvsMatch): string {
  const implied = m.options.some((o) => o.opt !== 'ipvs');
  let s = ' -m ipvs';
  for (const key of SAVE_ORDER) {
    const o = m.options.find((x) => x.opt === key);
    if (!o) continue;
    switch (o.opt) {
      case 'ipvs': if (!implied) s += `${not(o.neg)} --ipvs`; break;
      case 'vproto': s += `${not(o.neg)} --vproto ${o.proto}`; break;
      case 'vaddr': s += `${not(o.neg)} --vaddr ${formatIpWords(o.addr)}${o.prefix === 32 ? '' : `/${o.prefix}`}`; break;
      case 'vport': s += `${not(o.neg)} --vport ${o.port}`; break;
      case 'vdir': s += ` --vdir ${o.reply ? 'REPLY' : 'ORIGINAL'}`; break;
      case 'vmethod': s += `${not(o.neg)} --vmethod ${o.method}`; break;
      case 'vportctl': s += `${not(o.neg)} --vportctl ${o.port}`; break;
    }
  }
  return s;
}

/** The k-th option as written, for the restore form. */
export function restoreIpvsOption(m: IpvsMatch, k: number): string {
  const o = m.options[k];
  if (!o) return '';
  const neg = o.neg ? '! ' : '';
  return o.opt === 'ipvs' ? `${neg}--ipvs` : `${neg}--${o.opt} ${o.text}`;
}
