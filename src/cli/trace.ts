// npm run --silent trace -- FILE --from SRC [--container NAME] --to DST --port N
//   [--proto tcp|udp|icmp] [--seed N] [--json]
// Walks one packet through the scenario's cluster and prints the hops (or the trace JSON).
import { parseArgs } from 'node:util';
import { formatTraceText, simulate } from '../engine';
import { fail, intOption, loadCluster, protoOption } from './common';

const USAGE = 'usage: npm run --silent trace -- FILE --from SRC [--container NAME] --to DST --port N [--proto tcp|udp|icmp] [--seed N] [--json]';

function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        from: { type: 'string' }, to: { type: 'string' }, container: { type: 'string' }, port: { type: 'string' },
        proto: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.values.help) { process.stdout.write(`${USAGE}\n`); return; }
  const { from, to } = args.values;
  if (!from || !to) fail(USAGE);
  const cluster = loadCluster(args.positionals[0]);
  const proto = protoOption(args.values.proto);
  const r = simulate(cluster, {
    from, to, proto, container: args.values.container,
    port: intOption(args.values.port, 'port'), seed: intOption(args.values.seed, 'seed'),
  });
  if (!r.ok) fail(r.error);
  process.stdout.write(args.values.json ? `${JSON.stringify(r.trace, null, 2)}\n` : formatTraceText(r.trace));
}

main();
