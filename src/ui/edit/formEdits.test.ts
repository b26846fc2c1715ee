// The inspector's Apply: only what changed becomes edits, the rename last.
import { describe, expect, it } from 'vitest';
import type { ObjectView } from '../../engine';
import { nodeEdits, podEdits, serviceEdits } from './formEdits';

const pod: Extract<ObjectView, { kind: 'Pod' }> = {
  kind: 'Pod', ref: { kind: 'Pod', namespace: 'default', name: 'api-x-y' }, labels: { app: 'api' }, nodeName: null,
  owner: { kind: 'Deployment', namespace: 'default', name: 'api' }, replicas: 2,
  containers: [{ name: 'api', image: 'i', ports: [{ containerPort: 8080, name: 'http' }] }], nodes: ['a', 'b'],
};
const svc: Extract<ObjectView, { kind: 'Service' }> = {
  kind: 'Service', ref: { kind: 'Service', name: 'api' }, labels: {}, type: 'LoadBalancer', selector: { app: 'api' },
  ports: [{ name: 'http', port: 80, targetPort: 'http' }], externalTrafficPolicy: 'Local', internalTrafficPolicy: null,
};

describe('the inspector\'s edits', () => {
  it('makes no edit when nothing changed, and labels in another order are no change', () => {
    expect(podEdits(pod, { name: 'api', labels: { app: 'api' }, nodeName: null, replicas: 2, containers: [{ was: 'api', name: 'api', ports: pod.containers[0]!.ports }] })).toEqual([]);
    expect(serviceEdits({ ...svc, selector: { a: '1', b: '2' } }, { ...svc, type: 'LoadBalancer', name: 'api', selector: { b: '2', a: '1' } })).toEqual([]);
  });

  it('edits a Deployment\'s pod: labels, replicas, ports, container name, and renames the Deployment last', () => {
    expect(podEdits(pod, { name: 'backend', labels: { app: 'api', tier: 'b' }, nodeName: 'b', replicas: 3, containers: [{ was: 'api', name: 'server', ports: [{ containerPort: 9090 }] }] })).toEqual([
      { op: 'setLabels', target: pod.ref, labels: { app: 'api', tier: 'b' } },
      { op: 'setNodeName', target: pod.ref, node: 'b' },
      { op: 'setReplicas', target: pod.ref, replicas: 3 },
      { op: 'setContainerPorts', target: pod.ref, container: 'api', ports: [{ containerPort: 9090 }] },
      { op: 'renameContainer', target: pod.ref, container: 'api', to: 'server' },
      { op: 'rename', target: pod.owner, to: 'backend' },
    ]);
  });

  it('drops externalTrafficPolicy when a Service becomes a ClusterIP, leaving that to the type change', () => {
    expect(serviceEdits(svc, { ...svc, name: 'api', type: 'ClusterIP' })).toEqual([{ op: 'setServiceType', target: svc.ref, type: 'ClusterIP' }]);
    expect(serviceEdits(svc, { ...svc, type: 'LoadBalancer', name: 'api', externalTrafficPolicy: null, internalTrafficPolicy: 'Local' })).toEqual([
      { op: 'setTrafficPolicy', target: svc.ref, field: 'externalTrafficPolicy', policy: null },
      { op: 'setTrafficPolicy', target: svc.ref, field: 'internalTrafficPolicy', policy: 'Local' },
    ]);
  });

  it('renames a node only when it has a document of its own', () => {
    const node: Extract<ObjectView, { kind: 'Node' }> = { kind: 'Node', ref: { kind: 'Node', name: 'kind-worker' }, labels: {}, role: 'worker', renamable: false };
    expect(nodeEdits(node, { name: 'x', labels: { zone: 'a' } })).toEqual([{ op: 'setLabels', target: node.ref, labels: { zone: 'a' } }]);
    expect(nodeEdits({ ...node, renamable: true }, { name: 'x', labels: {} })).toEqual([{ op: 'rename', target: node.ref, to: 'x' }]);
  });
});
