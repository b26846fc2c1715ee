// npm run --silent tables -- FILE --node NAME [--pod POD]
//   --show routes|rule|link|neigh|fdb|addr|iptables-save|nft|ipvsadm|ipset|conntrack|... [--form save|restore]
//   [--from SRC --to DST --port N ...]
// Prints one table of a node (or of a pod on it) exactly as the real tool prints it. With
// a send, the tables show the state after that packet and its reply (ARP caches, FDB,
// conntrack). --form restore prints what kube-proxy fed to iptables-restore instead.
import { EMPTY_STATE, iptablesRestoreForm, nodeNetnsId, podNetnsId, simulate, tablesOf, TABLE_IDS, type DynState } from '../engine';
import { fail, intOption, loadCluster, parseCli, protoOption, runCli, SEND_OPTIONS, sizeOptions } from './common';

const SHOWS = TABLE_IDS;
const USAGE = `usage: npm run --silent tables -- FILE --node NAME [--pod POD] --show ${SHOWS.join('|')} [--form save|restore] [--from SRC --to DST --port N [--proto P] [--container C]]`;

/** C's ctime() form, as iptables-save prints its date: "Sun Nov 22 23:49:24 2026". */
function ctime(d: Date): string {
  const [wd, mon, day, year, time] = d.toString().split(' ');
  return `${wd} ${mon} ${String(Number(day)).padStart(2, ' ')} ${time} ${year}`;
}

function main() {
  const args = parseCli({
    ...SEND_OPTIONS, node: { type: 'string' }, pod: { type: 'string' }, show: { type: 'string' }, table: { type: 'string' }, form: { type: 'string' },
  }, USAGE);
  const [nodeName, show, form, podRef, from, to] = ['node', 'show', 'form', 'pod', 'from', 'to'].map((k) => args.str(k));
  if (!nodeName || !show) fail(USAGE);
  if (!(SHOWS as readonly string[]).includes(show)) fail(`--show must be one of ${SHOWS.join(', ')}`);
  if (form !== undefined && form !== 'save' && form !== 'restore') fail('--form must be save or restore');
  const cluster = loadCluster(args.positionals[0]);
  const node = cluster.node(nodeName);
  if (!node) fail(`no node named "${nodeName}"; nodes: ${cluster.nodes.map((n) => n.name).join(', ')}`);
  let id = nodeNetnsId(node.name);
  if (podRef) {
    const key = podRef.includes('/') ? podRef : `default/${podRef}`;
    const pod = cluster.pod(key);
    if (!pod || pod.node !== node.name) fail(`no pod ${key} on node ${node.name}`);
    if (pod.slot >= 0) id = podNetnsId(key);
  }
  let state: DynState = EMPTY_STATE;
  if (from || to) {
    if (!from || !to) fail('a send needs both --from and --to');
    const r = simulate(cluster, { from, to, port: intOption(args.str('port'), 'port'), proto: protoOption(args.str('proto')), container: args.str('container'), ...sizeOptions(args) });
    if (!r.ok) fail(r.error);
    state = r.state;
  }
  if (show === 'iptables-save' && form === 'restore') {
    const text = iptablesRestoreForm(cluster, id);
    if (text === undefined) fail('this namespace has no iptables rules');
    process.stdout.write(text);
    return;
  }
  const r = tablesOf(cluster, state, id, { date: ctime(new Date()) });
  if (!r.ok) fail(r.error);
  const tables = r.tables;
  const t = tables.find((x) => x.id === show);
  const modeHint = show === 'nft' || show === 'ipvsadm' ? ' (switch kubeProxyMode in the kind Cluster document)'
    : show.startsWith('cilium-') || show === 'subnet-env' ? ' (switch spec.cni in the Podpath document)' : '';
  if (!t) fail(`${show} does not apply here: this namespace has ${tables.map((x) => x.id).join(', ')}${modeHint}`);
  process.stdout.write(t.text);
}

runCli(main);
