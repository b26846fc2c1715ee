// The restore form: a rule printed the way it was written for iptables-restore (kube-proxy's
// own text), piece by piece in the written order kept in Rule.layout. Parsing kube-proxy's
// output and printing it back gives the same bytes.
import { naturalLayout } from './parse-rule';
import type { Match, Rule, Target } from './rule-types';
import { quoteIfNeeded } from './tokenize';
import { restoreIpvsOption } from './ipvs-match';

const not = (neg: boolean): string => (neg ? '! ' : '');

function head(m: Match): string {
  switch (m.kind) {
    case 'src':
      return `${not(m.neg)}-s ${m.text}`;
    case 'dst':
      return `${not(m.neg)}-d ${m.text}`;
    case 'in':
      return `${not(m.neg)}-i ${m.iface}`;
    case 'out':
      return `${not(m.neg)}-o ${m.iface}`;
    case 'proto':
      return `${not(m.neg)}-p ${m.proto}`;
    case 'ports':
      return m.implicit ? '' : `-m ${m.module}`;
    case 'multiport':
    case 'comment':
    case 'addrtype':
    case 'mark':
    case 'conntrack':
    case 'statistic':
    case 'recent':
    case 'set':
    case 'nfacct':
    case 'physdev':
    case 'ipvs':
      return `-m ${m.kind}`;
  }
}

/** The k-th option piece of a module match, as written. */
function option(m: Match, k: number): string {
  switch (m.kind) {
    case 'src':
    case 'dst':
    case 'in':
    case 'out':
    case 'proto':
      return '';
    case 'ports': {
      const key = m.order[k];
      const spec = key === 'sport' ? m.sport : m.dport;
      return spec ? `${not(spec.neg)}--${key} ${spec.text}` : '';
    }
    case 'multiport':
      return `${not(m.neg)}--${m.dir} ${m.text}`;
    case 'comment':
      return `--comment ${quoteIfNeeded(m.comment, m.quoted)}`;
    case 'addrtype': {
      const key = m.order[k];
      if (key === 'src-type' || key === 'dst-type') {
        const spec = key === 'src-type' ? m.src : m.dst;
        return spec ? `${not(spec.neg)}--${key} ${spec.text}` : '';
      }
      return `--${key ?? ''}`;
    }
    case 'mark':
      return `${not(m.neg)}--mark ${m.text}`;
    case 'conntrack':
      return `${not(m.neg)}--ctstate ${m.text}`;
    case 'statistic':
      return m.order[k] === 'mode' ? '--mode random' : `${not(m.neg)}--probability ${m.text}`;
    case 'recent': {
      const key = m.order[k];
      switch (key) {
        case 'set':
        case 'rcheck':
        case 'update':
        case 'remove':
          return `${not(m.neg)}--${key}`;
        case 'seconds':
          return `--seconds ${m.seconds}`;
        case 'hitcount':
          return `--hitcount ${m.hitcount}`;
        case 'name':
          return `--name ${m.name}`;
        case 'mask':
          return `--mask ${m.mask ?? ''}`;
        case 'reap':
        case 'rttl':
        case 'rsource':
        case 'rdest':
          return `--${key}`;
        case undefined:
          return '';
      }
      return '';
    }
    case 'set':
      return `${not(m.neg)}--match-set ${m.set} ${m.flags.join(',')}`;
    case 'nfacct':
      return `--nfacct-name ${quoteIfNeeded(m.name, false)}`;
    case 'physdev': {
      const o = m.options[k];
      if (!o) return '';
      return `${not(o.neg)}--${o.opt}${o.iface === undefined ? '' : ` ${o.iface}`}`;
    }
    case 'ipvs':
      return restoreIpvsOption(m, k);
  }
}

function targetText(t: Target): string {
  switch (t.kind) {
    case 'none':
      return '';
    case 'jump':
      return `-j ${t.chain}`;
    case 'goto':
      return `-g ${t.chain}`;
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
      return `-j ${t.kind}`;
    case 'REJECT':
      return t.with === undefined ? '-j REJECT' : `-j REJECT --reject-with ${t.with}`;
    case 'DNAT':
    case 'SNAT':
    case 'MASQUERADE': {
      const parts = [`-j ${t.kind}`];
      for (const key of t.order) {
        if ((key === 'to-destination' || key === 'to-source') && t.kind !== 'MASQUERADE') parts.push(`--${key} ${t.to}`);
        else if (key === 'to-ports' && t.kind === 'MASQUERADE') parts.push(`--to-ports ${t.toPorts ?? ''}`);
        else parts.push(`--${key}`);
      }
      return parts.join(' ');
    }
    case 'MARK':
      return `-j MARK --${t.op} ${t.text}`;
    case 'CONNMARK':
      return `-j CONNMARK ${t.text}`;
  }
}

/** The rule's arguments (without `-A CHAIN`) in the restore form. */
export function restoreRuleArgs(rule: Rule): string {
  const layout = rule.layout ?? naturalLayout(rule.matches, rule.target.kind !== 'none');
  const seen = new Map<number, number>();
  const out: string[] = [];
  for (const idx of layout) {
    if (idx < 0) {
      out.push(targetText(rule.target));
      continue;
    }
    const m = rule.matches[idx];
    if (!m) continue;
    const n = seen.get(idx);
    seen.set(idx, n === undefined ? 0 : n + 1);
    const piece = n === undefined ? head(m) : option(m, n);
    if (piece !== '') out.push(piece);
  }
  return out.join(' ');
}

export function restoreRuleLine(chain: string, rule: Rule): string {
  const args = restoreRuleArgs(rule);
  return args === '' ? `-A ${chain}` : `-A ${chain} ${args}`;
}
