// Edits of what a pod is (labels, node, containers, ports, replicas): applied to the pod's
// own document, or to its Deployment's template for a pod the Deployment made; every other
// document keeps its text.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { changedDocs, edited, refused, scenarioOf } from './testing';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');
const web = (text: string) => scenarioOf(text).pods.find((p) => p.name === 'web')!;
const apiPods = (text: string) => scenarioOf(text).pods.filter((p) => p.owner?.kind === 'ReplicaSet' && p.owner.deployment === 'api');
const API_POD = { kind: 'Pod' as const, namespace: 'default', name: apiPods(DEFAULT)[0]!.name };

describe('labels', () => {
  it('sets a pod\'s labels', () => {
    const out = edited(DEFAULT, { op: 'setLabels', target: { kind: 'Pod', name: 'web' }, labels: { app: 'web', tier: 'front' } });
    expect(web(out.text).labels).toEqual({ app: 'web', tier: 'front' });
    expect(changedDocs(DEFAULT, out.text)).toEqual(['Pod default/web']);
  });

  it('sets the labels of a Deployment\'s pods in its template, and says so', () => {
    const out = edited(DEFAULT, { op: 'setLabels', target: API_POD, labels: { app: 'api', tier: 'back' } });
    expect(apiPods(out.text).every((p) => p.labels.tier === 'back')).toBe(true);
    expect(out.notes[0]).toMatch(/is made by Deployment default\/api: the edit changes its pod template/);
    expect(changedDocs(DEFAULT, out.text)).toEqual(['Deployment default/api']);
  });

  it('refuses template labels the Deployment\'s selector no longer matches', () => {
    expect(refused(DEFAULT, { op: 'setLabels', target: API_POD, labels: { tier: 'back' } })).toMatch(/selects its pods by app=api.*keep app=api/);
  });

  it('removes the labels field when no label is left', () => {
    const out = edited(DEFAULT, { op: 'setLabels', target: { kind: 'Pod', name: 'cache' }, labels: {} });
    expect(scenarioOf(out.text).pods.find((p) => p.name === 'cache')!.labels).toEqual({});
    expect(out.text).not.toMatch(/name: cache\n {2}namespace: default\n {2}labels/);
  });

  it('sets the labels of a node in the kind Cluster document', () => {
    const out = edited(DEFAULT, { op: 'setLabels', target: { kind: 'Node', name: 'kind-worker2' }, labels: { zone: 'b' } });
    expect(scenarioOf(out.text).cluster.nodes[2]!.labels).toEqual({ zone: 'b' });
  });
});

describe('placement and replicas', () => {
  it('pins a pod to a node and unpins it again', () => {
    const pinned = edited(DEFAULT, { op: 'setNodeName', target: { kind: 'Pod', name: 'web' }, node: 'kind-worker2' });
    expect(web(pinned.text).nodeName).toBe('kind-worker2');
    const free = edited(pinned.text, { op: 'setNodeName', target: { kind: 'Pod', name: 'web' }, node: null });
    expect(web(free.text).nodeName).toBeUndefined();
  });

  it('scales a Deployment, named directly or through one of its pods', () => {
    expect(apiPods(edited(DEFAULT, { op: 'setReplicas', target: { kind: 'Deployment', name: 'api' }, replicas: 4 }).text)).toHaveLength(4);
    expect(apiPods(edited(DEFAULT, { op: 'setReplicas', target: API_POD, replicas: 0 }).text)).toHaveLength(0);
    expect(refused(DEFAULT, { op: 'setReplicas', target: { kind: 'Pod', name: 'web' }, replicas: 2 })).toMatch(/Pod default\/web has no replica count/);
    expect(refused(DEFAULT, { op: 'setReplicas', target: { kind: 'Deployment', name: 'api' }, replicas: -1 })).toMatch(/whole number/);
  });
});

describe('containers and their ports', () => {
  it('adds a container, refusing a name the pod already has', () => {
    const out = edited(DEFAULT, { op: 'addContainer', target: { kind: 'Pod', name: 'cache' }, container: { name: 'exporter', image: 'oliver006/redis_exporter:v1.62.0', ports: [{ containerPort: 9121, name: 'metrics' }] } });
    expect(scenarioOf(out.text).pods.find((p) => p.name === 'cache')!.containers.map((c) => c.name)).toEqual(['redis', 'exporter']);
    expect(refused(DEFAULT, { op: 'addContainer', target: { kind: 'Pod', name: 'web' }, container: { name: 'nginx', image: 'x' } })).toMatch(/already has a container named "nginx"/);
  });

  it('removes a container but never the last one', () => {
    expect(web(edited(DEFAULT, { op: 'removeContainer', target: { kind: 'Pod', name: 'web' }, container: 'metrics' }).text).containers).toHaveLength(1);
    expect(refused(DEFAULT, { op: 'removeContainer', target: { kind: 'Pod', name: 'cache' }, container: 'redis' })).toMatch(/at least one container/);
  });

  it('renames a container of a Deployment\'s pods', () => {
    const out = edited(DEFAULT, { op: 'renameContainer', target: API_POD, container: 'api', to: 'server' });
    expect(apiPods(out.text)[0]!.containers[0]!.name).toBe('server');
  });

  it('sets a container\'s ports: adds, renames and removes them in one list', () => {
    const out = edited(DEFAULT, { op: 'setContainerPorts', target: { kind: 'Pod', name: 'web' }, container: 'nginx', ports: [{ containerPort: 8080, name: 'web' }, { containerPort: 53, protocol: 'UDP' }] });
    expect(web(out.text).containers[0]!.ports).toEqual([{ containerPort: 8080, name: 'web', protocol: 'TCP' }, { containerPort: 53, protocol: 'UDP', name: undefined }]);
    const none = edited(DEFAULT, { op: 'setContainerPorts', target: { kind: 'Pod', name: 'web' }, container: 'nginx', ports: [] });
    expect(web(none.text).containers[0]!.ports).toEqual([]);
    expect(changedDocs(DEFAULT, none.text)).toEqual(['Pod default/web']);
  });

  it('says why a pod of kind\'s own CoreDNS cannot be edited', () => {
    const coredns = scenarioOf(DEFAULT).pods.find((p) => p.namespace === 'kube-system')!;
    expect(refused(DEFAULT, { op: 'setLabels', target: { kind: 'Pod', namespace: 'kube-system', name: coredns.name }, labels: {} })).toMatch(/systemPods: false/);
  });
});
