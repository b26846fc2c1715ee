// npm run --silent tables -- FILE --node NAME [--pod POD] --show routes|neigh|fdb|addr
//   [--from SRC --to DST --port N ...]
// Prints one table of a node (or of a pod on it) exactly as the real tool prints it. With
// a send, the tables show the state after that packet and its reply (ARP caches, FDB).
import { parseArgs } from 'node:util';
import {
  cniNetnsName, EMPTY_STATE, formatBridgeFdb, formatIpAddr, formatIpNeigh, formatIpRoute, nodeNetnsId, podNetnsId, simulate,
  type DynState,
} from '../engine';
import { fail, intOption, loadCluster, protoOption } from './common';

const SHOWS = ['routes', 'neigh', 'fdb', 'addr'] as const;
const USAGE = `usage: npm run --silent tables -- FILE --node NAME [--pod POD] --show ${SHOWS.join('|')} [--from SRC --to DST --port N [--proto P] [--container C]]`;

function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        node: { type: 'string' }, pod: { type: 'string' }, show: { type: 'string' }, table: { type: 'string' },
        from: { type: 'string' }, to: { type: 'string' }, port: { type: 'string' }, proto: { type: 'string' }, container: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  const v = args.values;
  if (v.help) { process.stdout.write(`${USAGE}\n`); return; }
  if (!v.node || !v.show) fail(USAGE);
  if (!(SHOWS as readonly string[]).includes(v.show)) fail(`--show must be one of ${SHOWS.join(', ')}`);
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
  const ns = cluster.netns(id);
  let text: string;
  switch (v.show as (typeof SHOWS)[number]) {
    case 'routes': text = formatIpRoute(ns, v.table === 'local' ? 'local' : 'main'); break;
    case 'neigh': text = formatIpNeigh(ns, state); break;
    case 'fdb': text = formatBridgeFdb(ns, state); break;
    case 'addr': text = formatIpAddr(ns, cniNetnsName); break;
  }
  process.stdout.write(text);
}

main();
