// The controller installed from its own manifest, not from spec.addons, works the same way.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../model/parse';
import { clusterFrom, KIND_3 } from '../testing/build';
import { backends, ingressDoc } from './testing';
import { runCommand } from '../shell/run';

const MANIFEST = readFileSync('src/engine/ingress/fixtures/ingress-nginx-cloud.yaml', 'utf8');

describe('ingress-nginx\'s cloud manifest', () => {
  it('loads: its RBAC, Job and webhook documents are kept with a warning, the rest is modelled', () => {
    const p = parseScenario(`${KIND_3}---\n${MANIFEST}`);
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    const kept = new Set(p.scenario.warnings.map((w) => w.object?.split(' ')[0]));
    expect([...kept].sort()).toEqual(['ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'Job', 'Role', 'RoleBinding', 'ServiceAccount', 'ValidatingWebhookConfiguration']);
    expect(p.scenario.routing.ingressClasses.map((c) => c.name)).toEqual(['nginx']);
  });

  it('routes through its LoadBalancer Service like the addon', () => {
    const c = clusterFrom(`${KIND_3}---\n${MANIFEST}${backends(['web'])}${ingressDoc('web', 'web.example', [['/', 'Prefix', 'web']])}`);
    const lb = c.service('ingress-nginx/ingress-nginx-controller')!.loadBalancerIP!;
    const r = runCommand(c, { from: 'external:client', command: `curl -H 'Host: web.example' http://${lb}/` });
    if (!r.ok || r.command.tool !== 'curl') throw new Error('curl');
    expect(r.command.result.response?.status).toBe(200);
    expect(r.trace!.exchanges[1]!.from).toMatch(/^pod ingress-nginx\/ingress-nginx-controller-/);
  });
});
