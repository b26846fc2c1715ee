// npm run bench: prints the benchmark figures as JSON (medians, in milliseconds): the engine,
// every CNI plugin at 1,000 nodes, the Services at scale, conversations, the reachability
// matrix, the production bundle and the rendering in headless Chromium (as ratios against a
// bare React Flow page).
import { cpus, loadavg } from 'node:os';
import { build } from 'vite';
import { bundleFigures } from './bundle';
import { engineFigures, topologyFigures } from './engine';
import { cniFigures } from './cni';
import { ruleWalkFigures, serviceFigures } from './services';
import { conversationFigures } from './conversations';
import { policyFigures } from './policy';
import { ingressFigures } from './ingress';
import { renderFigures } from './render';
import { parseFigures } from './parse';

const figures = [...parseFigures(), ...engineFigures([3, 100, 1000], 30), ...cniFigures(1000, 30), topologyFigures(10_000), ...serviceFigures(10_000, 50_000), ...conversationFigures(), ...ingressFigures(), ...policyFigures()];
const ruleWalk = ruleWalkFigures();
// Measure what the page serves now: build it afresh.
await build({ logLevel: 'error' });
const bundle = bundleFigures();
const render = await renderFigures([100, 1000, 5000]);
// The load average says how much of the machine others were using: read timings with it.
process.stdout.write(`${JSON.stringify({ machine: { node: process.version, cpus: cpus().length, loadavg: loadavg().map((x) => Math.round(x * 10) / 10) }, figures, ruleWalk, bundle, render }, null, 2)}\n`);
