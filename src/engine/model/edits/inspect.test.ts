// The inspector reads an object's editable fields from its own document, or from its
// controller's template for a pod a controller made.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inspectObject } from './inspect';
import { scenarioOf } from './testing';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');

describe('inspecting an object', () => {
  it('reads a pod\'s labels, node and containers with their ports', () => {
    expect(inspectObject(DEFAULT, { kind: 'Pod', name: 'web' })).toEqual({
      ok: true, view: {
        kind: 'Pod', ref: { kind: 'Pod', name: 'web' }, labels: { app: 'web' }, nodeName: 'kind-worker',
        containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] }, { name: 'metrics', image: 'prom/statsd-exporter:v0.26.1', ports: [{ containerPort: 9102, name: 'metrics' }] }],
        nodes: ['kind-control-plane', 'kind-worker', 'kind-worker2'],
      },
    });
  });

  it('reads a Deployment\'s pod from the template, with the Deployment and its replicas', () => {
    const pod = scenarioOf(DEFAULT).pods.find((p) => p.owner?.kind === 'ReplicaSet' && p.owner.deployment === 'api')!;
    const out = inspectObject(DEFAULT, { kind: 'Pod', name: pod.name });
    expect(out.ok && out.view).toMatchObject({ kind: 'Pod', labels: { app: 'api' }, owner: { kind: 'Deployment', namespace: 'default', name: 'api' }, replicas: 2, nodeName: null });
  });

  it('reads a Service\'s type, selector, ports and policies, and says the cluster\'s own is not edited', () => {
    expect(inspectObject(DEFAULT, { kind: 'Service', name: 'api-public' })).toMatchObject({
      ok: true, view: { type: 'LoadBalancer', selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], externalTrafficPolicy: null },
    });
    expect(inspectObject(DEFAULT, { kind: 'Service', name: 'kubernetes' })).toMatchObject({ ok: false, error: expect.stringContaining('cluster\'s own') });
  });

  it('reads a node\'s role and labels', () => {
    expect(inspectObject(DEFAULT, { kind: 'Node', name: 'kind-worker' })).toMatchObject({ ok: true, view: { role: 'worker', renamable: false } });
  });
});
