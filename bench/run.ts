// npm run bench: prints the benchmark figures as JSON (medians, in milliseconds).
import { engineFigures } from './engine';

const figures = engineFigures([3, 100, 1000], 30);
process.stdout.write(`${JSON.stringify({ machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, figures }, null, 2)}\n`);
