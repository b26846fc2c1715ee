// Parse benchmarks: the sizes the robustness issues named. A 40,000-key mapping (a ConfigMap's
// data: valid, kept, every key checked for duplicates with a set), a 5 MB document (refused
// by its size before the YAML reader starts), and about the largest scenario podpath reads
// (10,000 Services in flow style, just under 1 MiB).
import { parseScenario } from '../src/engine';
import { median, timeIt, type Figure } from './engine';

function configMap(keys: number): string {
  const data = Array.from({ length: keys }, (_, i) => `  k${i}: "${i}"`).join('\n');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${data}\n`;
}

/** 10,000 Services, the scalability limit, in flow style: just under 1 MiB. */
function services(count: number): string {
  return Array.from({ length: count }, (_, i) => `{apiVersion: v1, kind: Service, metadata: {name: s${i}}, spec: {ports: [{port: 80}]}}\n`).join('---\n');
}

function figure(name: string, text: string, runs: number): Figure {
  let ok = false;
  const times = timeIt(runs, () => { ok = parseScenario(text).ok; });
  return { name, median_ms: Math.round(median(times) * 10) / 10, runs, bytes: text.length, accepted: ok };
}

export function parseFigures(): Figure[] {
  return [
    figure('parse a 40,000-key mapping (ConfigMap data)', configMap(40_000), 5),
    figure('parse a 5 MB document (refused: over 1 MiB)', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {a: "${'x'.repeat(5_000_000)}"}\n`, 5),
    figure('parse 10,000 Services (flow style, just under the 1 MiB limit)', services(10_000), 3),
  ];
}
