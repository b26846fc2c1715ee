// The scenario as a kind config and manifests, with the commands to make the cluster.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importKubectl } from '../import';
import { kindHandout } from './kind';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');

function handout(text: string) {
  const out = kindHandout(text);
  if (!out.ok) throw new Error(out.error);
  return out.handout;
}

describe('the kind handout', () => {
  it('gives the default scenario as a kind config, its manifests and the commands', () => {
    const h = handout(DEFAULT);
    expect(parseAllDocuments(h.config).map((d) => d.toJS())).toEqual([{
      apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster', nodes: [{ role: 'control-plane' }, { role: 'worker' }, { role: 'worker' }],
      networking: { podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/16', kubeProxyMode: 'iptables' },
    }]);
    const kinds = (parseAllDocuments(h.manifests) as unknown as { toJS(): { kind: string; metadata: { name: string } } }[]).map((d) => `${d.toJS().kind}/${d.toJS().metadata.name}`);
    expect(kinds).toEqual(['Pod/web', 'Pod/cache', 'Deployment/api', 'Service/api', 'Service/api-public']);
    expect(h.markdown).toContain('kind create cluster --config kind-config.yaml');
    expect(h.markdown).toContain('kubectl apply -f manifests.yaml');
    expect(h.markdown).toMatch(/LoadBalancer Services need a load balancer in kind/);
  });

  it('leaves out what a real cluster makes itself, and says the nodes will be kind\'s own', () => {
    const dump = readFileSync('src/engine/model/import/fixtures/kind-dump.yaml', 'utf8');
    const nodes = readFileSync('src/engine/model/import/fixtures/kind-nodes.yaml', 'utf8');
    const imported = importKubectl([dump, nodes]);
    if (!imported.ok) throw new Error(imported.error);
    const h = handout(imported.text);
    expect(h.manifests).not.toMatch(/kind: Node|podIP|ownerReferences/);
    expect(h.config).toContain('role: control-plane');
    expect(h.markdown).toMatch(/came from a real cluster: kind names its own nodes/);
  });

  it('keeps the kube-proxy mode and says what kind will not reproduce', () => {
    const h = handout(DEFAULT.replace('kubeProxyMode: iptables', 'kubeProxyMode: ipvs').replace('  seed: 7', '  seed: 7\n  routes:\n    - {node: kind-worker, op: del, route: 10.244.2.0/24}'));
    expect(h.config).toContain('kubeProxyMode: ipvs');
    expect(h.markdown).toMatch(/1 route edit\(s\) are podpath's/);
  });
});
