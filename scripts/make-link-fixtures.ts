// Writes src/share/fixtures/links-v<N>.json: real links of the current format, made by the
// store from the default scenario (and edits of it), with the moment each reproduces. Run it
// once per link format version (`npx tsx scripts/make-link-fixtures.ts`); the files are kept,
// never regenerated, so links.test.ts proves that old links keep opening.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createLoadedStore } from '../src/store';
import { encodeLink, LINK_VERSION } from '../src/share';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');
const out = `src/share/fixtures/links-v${LINK_VERSION}.json`;
if (existsSync(out)) throw new Error(`${out} exists: stored links are never regenerated`);

interface Case { name: string; scenario: string; send: { from: string; to: string; port?: number; proto?: 'tcp' | 'udp' | 'icmp'; container?: string }; hop: 'dnat' | 'last' | number; panel: 'trace' | 'tables' | 'scenario' }
const cases: Case[] = [
  { name: 'pod to Service at the DNAT hop', scenario: DEFAULT, send: { from: 'default/web', to: 'svc:default/api', port: 80 }, hop: 'dnat', panel: 'trace' },
  { name: 'ping across nodes from a chosen container, tables open', scenario: DEFAULT, send: { from: 'default/web', container: 'metrics', to: 'default/cache', proto: 'icmp' }, hop: 6, panel: 'tables' },
  { name: 'outside client to the load balancer in IPVS mode', scenario: DEFAULT.replace('kubeProxyMode: iptables', 'kubeProxyMode: ipvs'), send: { from: 'external:203.0.113.10', to: 'lb:default/api-public', port: 80 }, hop: 'last', panel: 'trace' },
  { name: 'a scenario without a send, scenario panel open', scenario: DEFAULT.replace('replicas: 2', 'replicas: 3'), send: { from: '', to: '' }, hop: 0, panel: 'scenario' },
];

const fixtures = [];
for (const c of cases) {
  const store = await createLoadedStore(c.scenario);
  const s = store.getState;
  if (c.send.from) {
    const r = await s().sendRequest(c.send);
    if (!r.ok) throw new Error(`${c.name}: ${r.error}`);
    const steps = s().steps;
    const i = c.hop === 'dnat' ? steps.findIndex((x) => x.hop.kind === 'nat') : c.hop === 'last' ? steps.length - 1 : c.hop;
    s().selectStep(i);
  }
  s().setPanel(c.panel);
  const m = s().moment();
  const step = s().steps[s().position];
  fixtures.push({
    name: c.name, version: LINK_VERSION, link: `#${encodeLink(m)}`,
    opens: { run: m.run ?? null, at: m.at ?? null, panel: c.panel, hopKind: step?.hop.kind ?? null, hopAt: step?.hop.at ?? null },
  });
}
writeFileSync(out, `${JSON.stringify(fixtures, null, 2)}\n`);
console.log(`wrote ${fixtures.length} links to ${out}`);
