// npm run --silent tables -- FILE --node NAME [--pod POD]
//   --show routes|neigh|fdb|addr|iptables-save|nft|ipvsadm|ipset|conntrack [--form save|restore]
//   [--from SRC --to DST --port N ...]
// Prints one table of a node (or of a pod on it) exactly as the real tool prints it. With
// a send, the tables show the state after that packet and its reply (ARP caches, FDB,
// conntrack). --form restore prints what kube-proxy fed to iptables-restore instead.
import { parseArgs } from 'node:util';
import { EMPTY_STATE, iptablesRestoreForm, nodeNetnsId, podNetnsId, simulate, tablesOf, type DynState, type TableId } from '../engine';
import { fail, intOption, loadCluster, protoOption } from './common';

const SHOWS: readonly TableId[] = ['routes', 'routes-local', 'neigh', 'fdb', 'addr', 'iptables-save', 'nft', 'ipvsadm', 'ipset', 'conntrack'];
const USAGE = `usage: npm run --silent tables -- FILE --node NAME [--pod POD] --show ${SHOWS.join('|')} [--form save|restore] [--from SRC --to DST --port N [--proto P] [--container C]]`;

/** C's ctime() form, as iptables-save prints its date: "Sun Nov 22 23:49:24 2026". */
function ctime(d: Date): string {
  const [wd, mon, day, year, time] = d.toString().split(' ');
  return `${wd} ${mon} ${String(Number(day)).padStart(2, ' ')} ${time} ${year}`;
}

function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        node: { type: 'string' }, pod: { type: 'string' }, show: { type: 'string' }, table: { type: 'string' },
        from: { type: 'string' }, to: { type: 'string' }, port: { type: 'string' }, proto: { type: 'string' }, container: { type: 'string' },
        form: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  const v = args.values;
  if (v.help) { process.stdout.write(`${USAGE}\n`); return; }
  if (!v.node || !v.show) fail(USAGE);
  if (!(SHOWS as readonly string[]).includes(v.show)) fail(`--show must be one of ${SHOWS.join(', ')}`);
  if (v.form !== undefined && v.form !== 'save' && v.form !== 'restore') fail('--form must be save or restore');
  const cluster = loadCluster(args.positionals[0]);
  const node = cluster.node(v.node);
  if (!node) fail(`no node named "${v.node}"; nodes: ${cluster.nodes.map((n) => n.name).join(', ')}`);
  let id = nodeNetnsId(node.name);
  if (v.pod) {
    const key = v.pod.includes('/') ? v.pod : `default/${v.pod}`;
    const pod = cluster.pod(key);
    if (!pod || pod.node !== node.name) fail(`no pod ${key} on node ${node.name}`);
    if (pod.slot >= 0) id = podNetnsId(key);
  }
  let state: DynState = EMPTY_STATE;
  if (v.from || v.to) {
    if (!v.from || !v.to) fail('a send needs both --from and --to');
    const r = simulate(cluster, { from: v.from, to: v.to, port: intOption(v.port, 'port'), proto: protoOption(v.proto), container: v.container });
    if (!r.ok) fail(r.error);
    state = r.state;
  }
  if (v.show === 'iptables-save' && v.form === 'restore') {
    const text = iptablesRestoreForm(cluster, id);
    if (text === undefined) fail('this namespace has no iptables rules');
    process.stdout.write(text);
    return;
  }
  const tables = tablesOf(cluster, state, id, { date: ctime(new Date()) });
  const t = tables.find((x) => x.id === v.show);
  if (!t) fail(`${v.show} does not apply here: this namespace has ${tables.map((x) => x.id).join(', ')}${v.show === 'nft' || v.show === 'ipvsadm' || v.show === 'ipset' ? ' (switch kubeProxyMode in the kind Cluster document)' : ''}`);
  process.stdout.write(t.text);
}

main();
