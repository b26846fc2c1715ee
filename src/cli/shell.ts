// npm run --silent shell -- FILE --from SRC [--container NAME] [--seed N] [--json] -- COMMAND [ARGS...]
// Runs one command in the shell of a pod, a node or an outside host of the scenario's
// cluster and prints what the real tool prints (stdout and stderr, its exit status), or with
// --json the conversation's trace.
import { exec } from '../engine';
import { fail, intOption, loadCluster, parseCli, runCli } from './common';

const USAGE = 'usage: npm run --silent shell -- FILE --from SRC [--container NAME] [--seed N] [--json] -- COMMAND [ARGS...]';

/** The words after the first `--` are the command, quoted again for the shell's parser. */
function commandLine(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--');
  if (i < 0 || i === argv.length - 1) return undefined;
  return argv.slice(i + 1).map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function main() {
  const raw = process.argv.slice(2);
  const split = raw.indexOf('--');
  const command = commandLine(raw);
  const ours = split < 0 ? raw : raw.slice(0, split);
  process.argv = [process.argv[0]!, process.argv[1]!, ...ours];
  const args = parseCli({ from: { type: 'string' }, container: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
  const from = args.str('from');
  if (!from || !command) fail(USAGE);
  const cluster = loadCluster(args.positionals[0]);
  const seed = intOption(args.str('seed'), 'seed');
  const r = exec(cluster, { from, command, ...(args.str('container') ? { container: args.str('container')! } : {}), ...(seed !== undefined ? { seed } : {}) });
  if (!r.ok) fail(r.error);
  if (args.flag('json')) {
    process.stdout.write(`${JSON.stringify({ output: r.output, trace: r.trace }, null, 2)}\n`);
    return;
  }
  process.stdout.write(r.output.stdout);
  process.stderr.write(r.output.stderr);
  process.exitCode = r.output.exitCode;
}

runCli(main);
