// Adding, removing, renaming and duplicating objects: each edit is applied, leaves every
// other document's text as it was (comments included), and a Deployment's pod stands for
// its Deployment.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { changedDocs, edited, refused, scenarioOf } from './testing';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');
const HEADER = "# podpath's default scenario";
const apiPods = (text: string) => scenarioOf(text).pods.filter((p) => p.owner?.kind === 'ReplicaSet' && p.owner.deployment === 'api');

describe('adding objects', () => {
  it('adds a pod on a node with a free name, a default container, and nothing else changed', () => {
    const out = edited(DEFAULT, { op: 'add', object: { kind: 'Pod', node: 'kind-worker' } });
    expect(out.made).toEqual({ kind: 'Pod', namespace: 'default', name: 'pod' });
    const pod = scenarioOf(out.text).pods.find((p) => p.name === 'pod')!;
    expect(pod).toMatchObject({ nodeName: 'kind-worker', labels: { app: 'pod' }, containers: [{ name: 'app', image: 'nginx:1.27' }] });
    expect(changedDocs(DEFAULT, out.text)).toEqual(['Pod default/pod']);
    expect(out.text.startsWith(HEADER)).toBe(true);
    expect(out.text.startsWith(DEFAULT)).toBe(true);
    // A second one gets the next free name.
    expect(edited(out.text, { op: 'add', object: { kind: 'Pod' } }).made?.name).toBe('pod-2');
  });

  it('adds a Deployment whose selector matches its template, and a Service selecting it', () => {
    const out = edited(DEFAULT,
      { op: 'add', object: { kind: 'Deployment', name: 'shop', replicas: 3 } },
      { op: 'add', object: { kind: 'Service', name: 'shop', selector: { app: 'shop' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] } });
    const s = scenarioOf(out.text);
    expect(s.pods.filter((p) => p.owner?.kind === 'ReplicaSet' && p.owner.deployment === 'shop')).toHaveLength(3);
    expect(s.services.find((m) => m.name === 'shop')?.body).toMatchObject({ spec: { selector: { app: 'shop' }, ports: [{ port: 80 }] } });
    expect(changedDocs(DEFAULT, out.text)).toEqual(['Deployment default/shop', 'Service default/shop']);
  });

  it('adds an Ingress, a NetworkPolicy and a Namespace as the API writes them', () => {
    const out = edited(DEFAULT,
      { op: 'add', object: { kind: 'Namespace', name: 'shop' } },
      { op: 'add', object: { kind: 'Ingress', host: 'api.example.com', service: 'api', port: 80 } },
      { op: 'add', object: { kind: 'NetworkPolicy', podSelector: { app: 'api' }, allowFrom: { app: 'web' } } });
    const s = scenarioOf(out.text);
    expect(s.namespaces.map((n) => n.name)).toContain('shop');
    const ing = s.routing.ingresses[0]!;
    expect(ing.doc).toMatchObject({ apiVersion: 'networking.k8s.io/v1', spec: { rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } }] } }] } });
    // NetworkPolicy is a modelled kind: read as the API server reads it.
    const np = s.networkPolicies[0]!;
    expect(np).toMatchObject({ podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{ peers: [{ kind: 'pods', podSelector: { matchLabels: { app: 'web' } } }] }] });
    // The Namespace goes before the manifests that live in it.
    expect(out.text.indexOf('kind: Namespace')).toBeLessThan(out.text.indexOf('name: web'));
  });

  it('refuses a name that is taken', () => {
    expect(refused(DEFAULT, { op: 'add', object: { kind: 'Pod', name: 'web' } })).toMatch(/already a Pod default\/web/);
  });
});

describe('removing objects', () => {
  it('removes a pod document and only it', () => {
    const out = edited(DEFAULT, { op: 'remove', target: { kind: 'Pod', name: 'cache' } });
    expect(scenarioOf(out.text).pods.some((p) => p.name === 'cache')).toBe(false);
    expect(changedDocs(DEFAULT, out.text)).toEqual(['Pod default/cache']);
    expect(out.text.startsWith(HEADER)).toBe(true);
  });

  it('scales a Deployment down when one of its pods is removed, and says why', () => {
    const pod = apiPods(DEFAULT)[0]!;
    const out = edited(DEFAULT, { op: 'remove', target: { kind: 'Pod', namespace: 'default', name: pod.name } });
    expect(apiPods(out.text)).toHaveLength(1);
    expect(out.notes[0]).toMatch(/Deployment default\/api now has 1 replica: its ReplicaSet would replace a deleted pod/);
    expect(changedDocs(DEFAULT, out.text)).toEqual(['Deployment default/api']);
  });

  it('removes a Service, and refuses the cluster\'s own', () => {
    const out = edited(DEFAULT, { op: 'remove', target: { kind: 'Service', name: 'api-public' } });
    expect(scenarioOf(out.text).services.map((s) => s.name)).toEqual(['api']);
    expect(refused(DEFAULT, { op: 'remove', target: { kind: 'Service', name: 'kubernetes' } })).toMatch(/no Service default\/kubernetes/);
  });
});

describe('renaming objects', () => {
  it('renames a pod', () => {
    const out = edited(DEFAULT, { op: 'rename', target: { kind: 'Pod', name: 'cache' }, to: 'redis' });
    expect(scenarioOf(out.text).pods.some((p) => p.name === 'redis')).toBe(true);
    expect(out.made).toEqual({ kind: 'Pod', name: 'redis' });
    expect(changedDocs(DEFAULT, out.text)).toEqual(['Pod default/cache', 'Pod default/redis']);
  });

  it('renames the Deployment when one of its pods is renamed', () => {
    const pod = apiPods(DEFAULT)[0]!;
    const out = edited(DEFAULT, { op: 'rename', target: { kind: 'Pod', name: pod.name }, to: 'backend' });
    expect(scenarioOf(out.text).pods.filter((p) => p.owner?.kind === 'ReplicaSet' && p.owner.deployment === 'backend')).toHaveLength(2);
    expect(out.notes[0]).toContain('takes its name from Deployment default/api');
  });

  it('renames a Service and the Ingress backends that name it', () => {
    const withIngress = edited(DEFAULT, { op: 'add', object: { kind: 'Ingress', service: 'api', port: 80 } }).text;
    const out = edited(withIngress, { op: 'rename', target: { kind: 'Service', name: 'api' }, to: 'backend' });
    const ing = scenarioOf(out.text).routing.ingresses[0]!;
    expect(JSON.stringify(ing.doc)).toContain('"name":"backend"');
    expect(scenarioOf(out.text).services.map((s) => s.name)).toContain('backend');
  });

  it('renames a Namespace and moves what lives in it', () => {
    const text = edited(DEFAULT, { op: 'add', object: { kind: 'Namespace', name: 'shop' } }, { op: 'add', object: { kind: 'Pod', namespace: 'shop', name: 'cart' } }).text;
    const out = edited(text, { op: 'rename', target: { kind: 'Namespace', name: 'shop' }, to: 'store' });
    expect(scenarioOf(out.text).pods.find((p) => p.name === 'cart')?.namespace).toBe('store');
  });
});

describe('duplicating objects', () => {
  it('copies a pod under the next free name, on the same node', () => {
    const out = edited(DEFAULT, { op: 'duplicate', target: { kind: 'Pod', name: 'cache' } });
    expect(out.made?.name).toBe('cache-2');
    expect(scenarioOf(out.text).pods.find((p) => p.name === 'cache-2')).toMatchObject({ nodeName: 'kind-worker2', labels: { app: 'cache' } });
    // The copy sits right after the original.
    expect(out.text.indexOf('name: cache-2')).toBeLessThan(out.text.indexOf('kind: Deployment'));
  });

  it('copies a Service without the addresses and node ports the API server gave the original', () => {
    const text = DEFAULT.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  clusterIP: 10.96.5.5\n').replace('      targetPort: http\n---', '      targetPort: http\n---');
    const out = edited(text, { op: 'duplicate', target: { kind: 'Service', name: 'api-public' } });
    const copy = scenarioOf(out.text).services.find((s) => s.name === 'api-public-2')!;
    expect(copy.body).toMatchObject({ spec: { type: 'LoadBalancer' } });
    expect((copy.body.spec as { clusterIP?: string }).clusterIP).toBeUndefined();
  });

  it('adds a replica when a Deployment\'s pod is duplicated', () => {
    const pod = apiPods(DEFAULT)[0]!;
    const out = edited(DEFAULT, { op: 'duplicate', target: { kind: 'Pod', name: pod.name } });
    expect(apiPods(out.text)).toHaveLength(3);
  });
});
