// npm run --silent trace -- FILE --from SRC [--container NAME] --to DST --port N
//   [--proto tcp|udp|sctp|icmp] [--size N [--df]] [--seed N] [--json]
// Walks one packet through the scenario's cluster and prints the hops (or the trace JSON).
import { formatTraceText, simulate } from '../engine';
import { fail, intOption, loadCluster, parseCli, protoOption, runCli, seedOption, SEND_OPTIONS, sizeOptions } from './common';

const USAGE = 'usage: npm run --silent trace -- FILE --from SRC [--container NAME] --to DST --port N [--proto tcp|udp|sctp|icmp] [--size N [--df]] [--seed N] [--json]';

function main() {
  const args = parseCli({ ...SEND_OPTIONS, seed: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
  const from = args.str('from');
  const to = args.str('to');
  if (!from || !to) fail(USAGE);
  const cluster = loadCluster(args.positionals[0]);
  const proto = protoOption(args.str('proto'));
  const r = simulate(cluster, {
    from, to, proto, container: args.str('container'),
    port: intOption(args.str('port'), 'port'), seed: seedOption(args.str('seed')), ...sizeOptions(args),
  });
  if (!r.ok) fail(r.error);
  process.stdout.write(args.flag('json') ? `${JSON.stringify(r.trace, null, 2)}\n` : formatTraceText(r.trace));
}

runCli(main);
