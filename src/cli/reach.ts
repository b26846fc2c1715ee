// npm run --silent reach -- FILE [--port N] [--proto tcp|udp|sctp]
// Sends from every pod to every pod of the scenario and prints the reachability matrix in the
// upstream NetworkPolicy e2e truth-table form: rows = from, columns = to, "." connected, "X" not;
// on stderr, a note when the cluster's plugin does not enforce NetworkPolicy.
import { formatTruthTable, reachMatrix } from '../engine';
import { fail, intOption, loadCluster, parseCli, runCli } from './common';

const USAGE = 'usage: npm run --silent reach -- FILE [--port N] [--proto tcp|udp|sctp]';

function main() {
  const args = parseCli({ port: { type: 'string' }, proto: { type: 'string' } }, USAGE);
  const cluster = loadCluster(args.positionals[0]);
  const proto = (args.str('proto') ?? 'tcp').toLowerCase();
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') fail(`--proto must be tcp, udp or sctp, not "${args.str('proto')}"`);
  const port = intOption(args.str('port'), 'port') ?? 80;
  if (port < 1 || port > 65535) fail('--port must be between 1 and 65535');
  const m = reachMatrix(cluster, { port, proto });
  // The table is the output; whether anything enforced it goes beside it, on stderr.
  if (!m.enforcement.enforced) process.stderr.write(`${m.enforcement.text}\n`);
  process.stdout.write(formatTruthTable(m));
}

runCli(main);
