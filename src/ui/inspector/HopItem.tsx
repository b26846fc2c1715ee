// One hop in the hop list: number, kind badge, where it happened (machine, namespace,
// device), the explanation, the deciding rule in the real tool's syntax, and for netfilter
// hops the chains walked and how many rules were compared.
import type { Ref } from 'react';
import type { Hop } from '../../engine';
import type { Step } from '../../store';
import { NetfilterFacts } from './NetfilterFacts';

export function whereOf(hop: Hop): string {
  const ns = hop.netns === 'root' ? 'root namespace' : `pod ${hop.netns}`;
  const dev = hop.device ? hop.device : hop.container ? `container ${hop.container}` : '';
  return [hop.node, ns, dev].filter(Boolean).join(' · ');
}

const TABLE_WORD: Record<string, string> = {
  routes: 'ip route', neigh: 'ip neigh', fdb: 'bridge fdb', iptables: 'iptables-save', ipvs: 'ipvsadm -Ln', nft: 'nft list ruleset',
  conntrack: 'conntrack -L', sockets: 'ss -tuan', dns: 'dig', http: 'curl -v',
};

/** The tool that prints the hop's rule; a netfilter rule is iptables-save's when it reads like one, else nft's. */
function toolOf(hop: Hop): string | undefined {
  if (!hop.table) return undefined;
  if (hop.table === 'netfilter') return hop.rule?.startsWith('-A ') ? 'iptables-save' : 'nft list ruleset';
  return TABLE_WORD[hop.table] ?? hop.table;
}

interface Props {
  readonly step: Step;
  readonly number: number;
  readonly selected: boolean;
  readonly onSelect: () => void;
  readonly ref?: Ref<HTMLButtonElement>;
}

export function HopItem({ step, number, selected, onSelect, ref }: Props) {
  const { hop } = step;
  return (
    <li className={`pp-hop${selected ? ' is-selected' : ''}${hop.kind === 'drop' ? ' is-drop' : ''}`} aria-current={selected ? 'step' : undefined} onClick={onSelect}>
      <button ref={ref} type="button" className="pp-hop-head" tabIndex={selected ? 0 : -1} onClick={(e) => { e.stopPropagation(); onSelect(); }}>
        <span className="pp-hop-num">{number}</span>
        <span className={`pp-kind-badge pp-kind-${hop.kind}`}>{hop.kind}</span>
        <span className="pp-where">{whereOf(hop)}</span>
      </button>
      <p className="pp-hop-text">{hop.text}</p>
      <NetfilterFacts hop={hop} selected={selected} />
      {hop.rule && (
        <p className="pp-rule">
          {toolOf(hop) && <span className="pp-rule-table">{toolOf(hop)}</span>}
          <code>{hop.rule}</code>
        </p>
      )}
    </li>
  );
}
