// Every table of a network namespace, printed by the tool a learner would use on a real
// node: ip route, ip neigh, bridge fdb, ip addr, iptables-save, nft list ruleset,
// ipvsadm -Ln, ipset list, conntrack -L. The app's tables panel and the CLI show these.
import type { Cluster, NetnsId } from '../cluster/types';
import { iptablesSave } from '../netfilter/iptables-save';
import { restoreTableLines } from '../netfilter/iptables-save';
import { printNftListRuleset } from '../netfilter/nft/list';
import { printIpsetList, printIpvsadmLn } from '../netfilter/ipvs/print';
import { formatCtEntry } from '../stack/conntrack';
import { ctEntries, type DynState } from '../stack/state';
import { formatBridgeFdb, formatIpAddr, formatIpLink, formatIpNeigh, formatIpRoute, formatIpRouteAll, formatRouteCache } from './iproute';
import { formatIpRule } from './rule-text';
import { hasPolicyRules } from '../stack/fib';
import { printIpsets } from '../netfilter/ipset/print';
import { nodeCtx } from '../cluster/netns';
import { cniNetnsName } from './names';
import { GATEWAY_NETNS } from '../cluster/netns';
import type { RecentLists } from '../netfilter/eval-types';

import { TABLE_IDS, type TableId } from './table-ids';

export { TABLE_IDS, type TableId };

export interface TableText {
  readonly id: TableId;
  /** The command that prints it, e.g. "iptables-save". */
  readonly command: string;
  readonly text: string;
}

/** `conntrack -L`: one line per connection; the real tool also prints a summary line to stderr. */
export function formatConntrack(state: DynState, ns: NetnsId): string {
  const lines = ctEntries(state, ns).map(formatCtEntry);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** What kube-proxy fed to iptables-restore, table by table (its own text form). */
export function iptablesRestoreForm(cluster: Cluster, ns: NetnsId): string | undefined {
  const nf = cluster.netfilter(ns);
  if (!nf) return undefined;
  // restoreTableLines already opens each table with *name and closes it with COMMIT.
  return `${nf.iptables.tables.flatMap((t) => restoreTableLines(t)).join('\n')}\n`;
}

/** Whether the cluster has this network namespace (a node, a pod with its own, an outside host, the gateway). */
function netnsExists(cluster: Cluster, id: NetnsId): boolean {
  if (id === GATEWAY_NETNS) return true;
  if (id.startsWith('node/')) return cluster.node(id.slice(5)) !== undefined;
  if (id.startsWith('pod/')) return (cluster.pod(id.slice(4))?.slot ?? -1) >= 0;
  if (id.startsWith('host/')) return cluster.outside.some((h) => h.netns === id);
  return false;
}

/** Every table of a namespace; none for a namespace the cluster does not have. */
export function tablesOf(cluster: Cluster, state: DynState, id: NetnsId, opts: { readonly date?: string } = {}): TableText[] {
  if (!netnsExists(cluster, id)) return [];
  const ns = cluster.netns(id);
  const out: TableText[] = [
    { id: 'routes', command: 'ip route', text: formatIpRoute(ns) },
    { id: 'routes-local', command: 'ip route show table local', text: formatIpRoute(ns, 'local') },
  ];
  if (ns.routes.some((r) => typeof r.table === 'number')) out.push({ id: 'routes-all', command: 'ip route show table all', text: formatIpRouteAll(ns) });
  if (hasPolicyRules(ns)) out.push({ id: 'rule', command: 'ip rule', text: formatIpRule(ns) });
  const cache = formatRouteCache(ns, state);
  if (cache) out.push({ id: 'routes-cache', command: 'ip route show cache', text: cache });
  out.push({ id: 'neigh', command: 'ip neigh', text: formatIpNeigh(ns, state) });
  if (ns.devices.some((d) => d.kind === 'bridge' || d.kind === 'vxlan')) out.push({ id: 'fdb', command: 'bridge fdb show', text: formatBridgeFdb(ns, state) });
  out.push({ id: 'addr', command: 'ip addr', text: formatIpAddr(ns, cniNetnsName) });
  out.push({ id: 'link', command: 'ip -d link', text: formatIpLink(ns, cniNetnsName) });
  const nf = cluster.netfilter(id);
  if (nf) {
    out.push({ id: 'iptables-save', command: 'iptables-save', text: iptablesSave(nf.iptables, opts.date ? { date: opts.date } : {}) });
    if (nf.nft) {
      out.push({ id: 'nft', command: 'nft list ruleset', text: printNftListRuleset(nf.nft, { dynamic: { recent: (state.recent.get(id) ?? new Map()) as RecentLists, nowSeconds: state.clock } }) });
    }
    if (nf.ipvs) out.push({ id: 'ipvsadm', command: 'ipvsadm -Ln', text: printIpvsadmLn(nf.ipvs) });
    if (nf.ipvs) out.push({ id: 'ipset', command: 'ipset list', text: printIpsetList(nf.ipvs) });
    else if (nf.ipsets) out.push({ id: 'ipset', command: 'ipset list', text: printIpsets([...nf.ipsets.values()], iptablesSave(nf.iptables)) });
    out.push({ id: 'conntrack', command: 'conntrack -L', text: formatConntrack(state, id) });
  }
  const node = ns.kind === 'node' ? cluster.node(ns.machine) : undefined;
  if (node) {
    const ctx = nodeCtx(cluster, node);
    for (const f of cluster.cni.files(ctx)) if (f.path === '/run/flannel/subnet.env') out.push({ id: 'subnet-env', command: `cat ${f.path}`, text: f.text });
    out.push(...(cluster.cni.extraTables?.(ctx) ?? []));
  }
  return out;
}
