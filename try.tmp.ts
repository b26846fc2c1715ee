import { readFileSync } from 'node:fs';
import { parseScenario, compile } from './src/engine';
import { exec } from './src/engine/shell/exec';
const p = parseScenario(readFileSync('src/scenarios/default.yaml', 'utf8'));
if (!p.ok) throw new Error('x');
const c = compile(p.scenario); if (!c.ok) throw new Error('y');
const from = process.env.FROM ?? 'default/web';
for (const cmd of process.argv.slice(2)) {
  const r = exec(c.cluster, { from, command: cmd });
  if (!r.ok) { console.log(r.error); continue; }
  console.log(`$ ${cmd}`); process.stdout.write(r.output.stdout); process.stdout.write(r.output.stderr.split('\n').map(l => l ? `[err] ${l}` : l).join('\n')); console.log(`[exit ${r.output.exitCode}]`);
}
