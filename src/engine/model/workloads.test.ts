// DaemonSets and StatefulSets become the pods their controllers make.
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { KIND_3 } from '../testing/build';

const pods = (yaml: string) => {
  const p = parseScenario(yaml);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.scenario.pods.filter((x) => x.namespace !== 'kube-system' || !x.name.startsWith('coredns'));
};

const DS = (extra = '') => `${KIND_3}---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${extra}      containers: [{name: agent, image: example/agent, ports: [{containerPort: 9100}]}]
`;

describe('a DaemonSet', () => {
  it('makes one pod on each worker, pinned there, and none on the control plane it does not tolerate', () => {
    const ps = pods(DS());
    expect(ps.map((p) => p.nodeName)).toEqual(['kind-worker', 'kind-worker2']);
    expect(ps.every((p) => /^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.name))).toBe(true);
    expect(ps[0]!.owner).toEqual({ kind: 'DaemonSet', name: 'agent' });
    expect(ps[0]!.tolerations.map((t) => t.key)).toContain('node.kubernetes.io/not-ready');
  });

  it('runs on the control plane too when it tolerates the control-plane taint, and only where its nodeSelector matches', () => {
    expect(pods(DS('      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]\n')).map((p) => p.nodeName))
      .toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(pods(DS('      nodeSelector: {kubernetes.io/hostname: kind-worker2}\n')).map((p) => p.nodeName)).toEqual(['kind-worker2']);
  });
});

describe('a StatefulSet', () => {
  it('makes pods with ordinal names whose hostname is the name and whose subdomain is the governing Service', () => {
    const ps = pods(`${KIND_3}---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 3
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: pg, image: postgres:16}]
`);
    expect(ps.map((p) => `${p.name} ${p.hostname} ${p.subdomain} ${p.labels['statefulset.kubernetes.io/pod-name']}`)).toEqual([
      'db-0 db-0 db db-0', 'db-1 db-1 db db-1', 'db-2 db-2 db db-2',
    ]);
    expect(ps[2]!.owner).toEqual({ kind: 'StatefulSet', name: 'db', ordinal: 2 });
  });
});
