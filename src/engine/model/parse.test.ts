import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from './parse';
import { errorsOf, ok } from './testing';
import { formatScenarioError } from '../format/errors';
import { KIND_3, pod } from '../testing/build';

describe('parseScenario', () => {
  it('reads the built-in default scenario: kind with one control plane, two workers and a pod with two containers', () => {
    const s = ok(parseScenario(readFileSync('src/scenarios/default.yaml', 'utf8')));
    expect(s.cluster.nodes.map((n) => n.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(s.pods.some((p) => p.namespace === 'default' && p.containers.length >= 2)).toBe(true);
    expect(s.warnings).toEqual([]);
  });

  it('applies kind defaults when there is no Cluster document', () => {
    const s = ok(parseScenario(pod('a', undefined, [['c', 80]])));
    expect(s.cluster.nodes).toEqual([{ name: 'kind-control-plane', role: 'control-plane', labels: {} }]);
    expect(s.cluster.podSubnet).toBe('10.244.0.0/16');
    expect(s.cluster.serviceSubnet).toBe('10.96.0.0/16');
    expect(s.cluster.kubeProxyMode).toBe('iptables');
    expect(s.settings.cni).toBe('bridge');
  });

  it('names nodes the way kind does, control planes and workers counted separately', () => {
    const s = ok(parseScenario(`apiVersion: kind.x-k8s.io/v1alpha4
kind: Cluster
name: lab
nodes: [{role: control-plane}, {role: control-plane}, {role: worker}, {role: worker}, {role: worker}]
`));
    expect(s.cluster.nodes.map((n) => n.name)).toEqual(['lab-control-plane', 'lab-control-plane2', 'lab-worker', 'lab-worker2', 'lab-worker3']);
  });

  it('keeps fields of a real kind config that podpath does not model', () => {
    const s = ok(parseScenario(`apiVersion: kind.x-k8s.io/v1alpha4
kind: Cluster
featureGates: {InPlacePodVerticalScaling: true}
nodes:
  - role: control-plane
    extraPortMappings: [{containerPort: 80, hostPort: 8080}]
networking:
  apiServerPort: 6443
  kubeProxyMode: ipvs
`));
    expect(s.cluster.kubeProxyMode).toBe('ipvs');
  });

  it('points a YAML syntax error at its document and line', () => {
    const errs = errorsOf(parseScenario(`${KIND_3}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    bad: indent\nspec: {}\n`));
    expect(errs[0]).toMatchObject({ doc: 2, line: 11 });
    expect(errs[0]!.message).toMatch(/^YAML syntax: /);
  });

  it('reports an unclosed bracket where the parser finds the document ends', () => {
    const errs = errorsOf(parseScenario(`${KIND_3}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n`));
    expect(errs[0]).toMatchObject({ doc: 2, line: 12 });
    expect(errs[0]!.message).toMatch(/end with a \]/);
  });

  it('names the document, the object, the field and the line of a wrong value', () => {
    const text = `${KIND_3}${pod('web', 'kind-worker', [['nginx', 80]])}`.replace('containerPort: 80', 'containerPort: eighty');
    const errs = errorsOf(parseScenario(text));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ doc: 2, object: 'Pod default/web', field: 'spec.containers[0].ports[0].containerPort', line: 19 });
    expect(formatScenarioError(errs[0]!)).toMatch(/^line 19, document 2 \(Pod default\/web\), spec\.containers\[0\]\.ports\[0\]\.containerPort: /);
  });

  it('reports a missing required field at its parent', () => {
    const errs = errorsOf(parseScenario('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  nodeName: kind-control-plane\n'));
    expect(errs[0]).toMatchObject({ field: 'spec.containers', line: 5 });
  });

  it('rejects overlapping pod and service subnets with the field and line', () => {
    const errs = errorsOf(parseScenario(`apiVersion: kind.x-k8s.io/v1alpha4
kind: Cluster
networking:
  podSubnet: 10.96.0.0/12
  serviceSubnet: 10.96.0.0/16
`));
    expect(errs[0]).toMatchObject({ doc: 1, field: 'networking.podSubnet', line: 4 });
    expect(errs[0]!.message).toMatch(/overlaps serviceSubnet/);
  });

  it('rejects a pod subnet that overlaps the node network', () => {
    const errs = errorsOf(parseScenario('apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnetworking:\n  podSubnet: 172.16.0.0/12\n'));
    expect(errs[0]!.message).toMatch(/node network 172\.18\.0\.0\/16/);
  });

  it('rejects a pod subnet too small for one /24 per node', () => {
    const errs = errorsOf(parseScenario('apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [{role: control-plane}, {role: worker}, {role: worker}]\nnetworking:\n  podSubnet: 10.244.0.0/23\n'));
    expect(errs[0]!.message).toMatch(/holds 2 node \/24s, but the cluster has 3 nodes/);
  });

  it('rejects two containers of one pod on the same port', () => {
    const errs = errorsOf(parseScenario(`${KIND_3}${pod('web', 'kind-worker', [['a', 8080], ['b', 9000, 8080]])}`));
    expect(errs[0]).toMatchObject({ object: 'Pod default/web', field: 'spec.containers[1].ports[1].containerPort' });
    expect(errs[0]!.message).toMatch(/"a" and "b" both use port 8080\/TCP/);
  });

  it('allows one port number on TCP and UDP in the same pod', () => {
    const text = `${KIND_3}---
apiVersion: v1
kind: Pod
metadata: {name: dns}
spec:
  containers:
    - name: a
      ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]
`;
    expect(parseScenario(text).ok).toBe(true);
  });

  it('rejects a pod pinned to a node that does not exist', () => {
    const errs = errorsOf(parseScenario(`${KIND_3}${pod('web', 'kind-worker9', [['nginx', 80]])}`));
    expect(errs[0]).toMatchObject({ field: 'spec.nodeName', object: 'Pod default/web' });
    expect(errs[0]!.message).toMatch(/node "kind-worker9" does not exist/);
  });

  it('rejects a second Cluster document and an unknown kind, and applies nothing', () => {
    const r = parseScenario(`${KIND_3}---\n${KIND_3}---\napiVersion: v1\nkind: Gadget\nmetadata: {name: g}\n`);
    const errs = errorsOf(r);
    expect(errs.map((e) => e.message)).toEqual(expect.arrayContaining(['unknown kind "Gadget"', 'only one kind Cluster document is allowed']));
  });

  it('keeps a kind it does not model (a Secret) as given, with a warning', () => {
    const s = ok(parseScenario('apiVersion: v1\nkind: Secret\nmetadata: {name: token}\ndata: {}\n'));
    expect(s.other).toHaveLength(1);
    expect(s.warnings[0]!.message).toMatch(/not modelled yet/);
  });

  it('expands a Deployment into pods named as the ReplicaSet controller names them', () => {
    const dep = `apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec:
      containers: [{name: shop, image: shop:1, ports: [{containerPort: 8080}]}]
`;
    const a = ok(parseScenario(dep)).pods.filter((p) => p.namespace === 'default');
    const b = ok(parseScenario(dep)).pods.filter((p) => p.namespace === 'default');
    expect(a.map((p) => p.name)).toEqual(b.map((p) => p.name));
    expect(a).toHaveLength(3);
    const rs = a[0]!.owner!.name;
    expect(rs).toMatch(/^shop-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    for (const p of a) {
      expect(p.name).toMatch(new RegExp(`^${rs}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.labels['pod-template-hash']).toBe(rs.slice('shop-'.length));
    }
    expect(new Set(a.map((p) => p.name)).size).toBe(3);
  });

  it('adds kind\'s CoreDNS pods unless systemPods is off', () => {
    const on = ok(parseScenario(''));
    expect(on.pods.filter((p) => p.namespace === 'kube-system')).toHaveLength(2);
    const off = ok(parseScenario('apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {systemPods: false}\n'));
    expect(off.pods).toHaveLength(0);
  });

  it('validates the Podpath settings document strictly', () => {
    const errs = errorsOf(parseScenario('apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec:\n  seed: 1\n  colour: blue\n'));
    expect(errs[0]).toMatchObject({ object: 'Podpath', field: 'spec.colour', line: 5 });
  });

  it('rejects an outside host inside the cluster ranges', () => {
    const errs = errorsOf(parseScenario('apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec:\n  outsideHosts: [{name: x, ip: 10.244.3.3}]\n'));
    expect(errs[0]).toMatchObject({ field: 'spec.outsideHosts[0].ip', line: 4 });
  });
});
