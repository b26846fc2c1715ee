// Edits of Services (type, selector, ports, traffic policies), of a NetworkPolicy's
// selector, and the link drawn from a Service to a pod, which says which label it added.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { changedDocs, edited, refused, scenarioOf } from './testing';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');
const svc = (text: string, name: string) => scenarioOf(text).services.find((s) => s.name === name)!.body as { spec: Record<string, unknown> };
const API = { kind: 'Service' as const, name: 'api' };
const PUBLIC = { kind: 'Service' as const, name: 'api-public' };

describe('Service edits', () => {
  it('changes a Service\'s type, and drops what a ClusterIP Service may not have', () => {
    const np = edited(DEFAULT, { op: 'setServiceType', target: API, type: 'NodePort' });
    expect(svc(np.text, 'api').spec.type).toBe('NodePort');
    const local = edited(DEFAULT, { op: 'setTrafficPolicy', target: PUBLIC, field: 'externalTrafficPolicy', policy: 'Local' });
    const back = edited(local.text, { op: 'setServiceType', target: PUBLIC, type: 'ClusterIP' });
    expect(svc(back.text, 'api-public').spec).toMatchObject({ type: 'ClusterIP' });
    expect(svc(back.text, 'api-public').spec.externalTrafficPolicy).toBeUndefined();
    expect(back.notes).toEqual(['removed spec.externalTrafficPolicy: only externally reachable Services have it']);
    expect(changedDocs(DEFAULT, back.text)).toEqual(['Service default/api-public']);
  });

  it('sets and removes a selector', () => {
    const out = edited(DEFAULT, { op: 'setSelector', target: API, selector: { app: 'web' } });
    expect(svc(out.text, 'api').spec.selector).toEqual({ app: 'web' });
    const none = edited(DEFAULT, { op: 'setSelector', target: API, selector: null });
    expect(svc(none.text, 'api').spec.selector).toBeUndefined();
    expect(none.notes[0]).toMatch(/no selector now/);
  });

  it('sets the ports, with names, target ports, protocols and node ports', () => {
    const out = edited(DEFAULT, { op: 'setServicePorts', target: PUBLIC, ports: [{ name: 'http', port: 8080, targetPort: 'http', nodePort: 30080 }, { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }] });
    expect(svc(out.text, 'api-public').spec.ports).toEqual([
      { name: 'http', port: 8080, targetPort: 'http', nodePort: 30080, protocol: 'TCP' },
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
    ]);
  });

  it('sets and clears the traffic policies', () => {
    const out = edited(DEFAULT, { op: 'setTrafficPolicy', target: API, field: 'internalTrafficPolicy', policy: 'Local' });
    expect(svc(out.text, 'api').spec.internalTrafficPolicy).toBe('Local');
    expect(svc(edited(out.text, { op: 'setTrafficPolicy', target: API, field: 'internalTrafficPolicy', policy: null }).text, 'api').spec.internalTrafficPolicy).toBeUndefined();
  });

  it('refuses to change the cluster\'s own Services', () => {
    expect(refused(DEFAULT, { op: 'setServiceType', target: { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' }, type: 'NodePort' })).toMatch(/cluster's own Service/);
  });

  it('sets a NetworkPolicy\'s pod selector', () => {
    const text = edited(DEFAULT, { op: 'add', object: { kind: 'NetworkPolicy', name: 'deny' } }).text;
    const out = edited(text, { op: 'setSelector', target: { kind: 'NetworkPolicy', name: 'deny' }, selector: { app: 'api' } });
    expect(scenarioOf(out.text).networkPolicies.find((o) => o.name === 'deny')!.podSelector).toMatchObject({ matchLabels: { app: 'api' } });
  });
});

describe('drawing a link from a Service to a pod', () => {
  it('adds the selector\'s labels to a pod it does not select, keeping its other endpoints', () => {
    const out = edited(DEFAULT, { op: 'connect', service: API, pod: { kind: 'Pod', name: 'cache' } });
    expect(out.notes).toEqual(['added label app=api to Pod default/cache, so Service default/api selects them']);
    expect(scenarioOf(out.text).pods.find((p) => p.name === 'cache')!.labels).toEqual({ app: 'api' });
    expect(svc(out.text, 'api').spec.selector).toEqual({ app: 'api' });
  });

  it('gives a Service without a selector the pod\'s app label', () => {
    const text = edited(DEFAULT, { op: 'add', object: { kind: 'Service', name: 'front' } }).text;
    const out = edited(text, { op: 'connect', service: { kind: 'Service', name: 'front' }, pod: { kind: 'Pod', name: 'web' } });
    expect(svc(out.text, 'front').spec.selector).toEqual({ app: 'web' });
    expect(out.notes[0]).toBe('added selector app=web to Service default/front, which Pod default/web carry');
  });

  it('labels a pod that has no labels, and selects it by that label', () => {
    const text = edited(DEFAULT, { op: 'add', object: { kind: 'Service', name: 'front' } }, { op: 'add', object: { kind: 'Pod', name: 'bare', labels: {} } }).text;
    const out = edited(text, { op: 'connect', service: { kind: 'Service', name: 'front' }, pod: { kind: 'Pod', name: 'bare' } });
    expect(out.notes[0]).toBe('added label app=bare to Pod default/bare and selector app=bare to Service default/front');
  });

  it('says when the Service already selects the pod, and refuses another namespace', () => {
    const apiPod = scenarioOf(DEFAULT).pods.find((p) => p.owner?.kind === 'ReplicaSet' && p.owner.deployment === 'api')!;
    expect(edited(DEFAULT, { op: 'connect', service: API, pod: { kind: 'Pod', name: apiPod.name } }).notes[0]).toMatch(/already selects Deployment default\/api's pods/);
    const coredns = scenarioOf(DEFAULT).pods.find((p) => p.namespace === 'kube-system')!;
    expect(refused(DEFAULT, { op: 'connect', service: API, pod: { kind: 'Pod', namespace: 'kube-system', name: coredns.name } })).toMatch(/selects pods of its own namespace only/);
  });
});
