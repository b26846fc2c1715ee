// npm run bench: prints the benchmark figures as JSON (medians, in milliseconds).
import { cpus } from 'node:os';
import { engineFigures } from './engine';
import { ruleWalkFigures, serviceFigures } from './services';
import { renderFigures } from './render';
import { parseFigures } from './parse';

const figures = [...parseFigures(), ...engineFigures([3, 100, 1000], 30), ...serviceFigures(10_000, 50_000)];
const ruleWalk = ruleWalkFigures();
const render = await renderFigures([[3, 3], [5, 8], [10, 10]]);
process.stdout.write(`${JSON.stringify({ machine: { node: process.version, cpus: cpus().length }, figures, ruleWalk, render }, null, 2)}\n`);
