// npm run fuzz -- [--runs N] [--seed S] [--path P]
// Runs the engine's fuzz property on fresh seeds (a random seed unless given) and prints a
// summary as JSON; on a failure, the seed, the fast-check path, the shrunk case's YAML and
// sends, so it can become a named regression seed in src/engine/testing/fuzz/regressions.ts.
import { parseArgs } from 'node:util';
import { runFuzz } from '../src/engine/testing/fuzz/run';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' } } });
const runs = Number(values.runs ?? 1000);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S] [--path P]\n');
  process.exit(2);
}
const start = performance.now();
const summary = runFuzz({ runs, seed, ...(values.path !== undefined ? { path: values.path } : {}) });
const seconds = ((performance.now() - start) / 1000).toFixed(1);
const { failure, ...counts } = summary;
process.stdout.write(`${JSON.stringify({ seed, ...counts, seconds: Number(seconds) })}\n`);
if (failure) {
  process.stdout.write(`\nFAILED (seed ${failure.seed}, path "${failure.path}"):\n${failure.message}\n\n--- scenario ---\n${failure.yaml}\n--- sends ---\n${failure.sends}\n`);
  process.exit(1);
}
