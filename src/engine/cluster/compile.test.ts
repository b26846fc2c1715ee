import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../model/parse';
import { compile } from './compile';
import { clusterFrom, KIND_3, pod } from '../testing/build';
import { formatIpRoute, formatIpAddr } from '../format/iproute';
import { nodeNetnsId, podNetnsId } from './netns';

const SETTINGS_OFF = '---\napiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {systemPods: false}\n';

describe('compile', () => {
  it('gives nodes kind\'s addresses and one /24 of the pod subnet each, in node order', () => {
    const c = clusterFrom(KIND_3);
    expect(c.nodes.map((n) => [n.name, n.ip, n.mac])).toEqual([
      ['kind-control-plane', '172.18.0.2', '02:42:ac:12:00:02'],
      ['kind-worker', '172.18.0.3', '02:42:ac:12:00:03'],
      ['kind-worker2', '172.18.0.4', '02:42:ac:12:00:04'],
    ]);
    expect(c.nodes.map((n) => n.podCidr.net >>> 8 & 255)).toEqual([0, 1, 2]);
  });

  it('keeps the control-plane taint when there are workers, so unpinned pods go to workers', () => {
    const c = clusterFrom(`${KIND_3}${SETTINGS_OFF}${pod('a', undefined, [['c']])}${pod('b', undefined, [['c']])}${pod('d', undefined, [['c']])}`);
    expect(c.pods.map((p) => p.node)).toEqual(['kind-worker', 'kind-worker2', 'kind-worker']);
  });

  it('schedules on a lone control plane: kind removes its taint', () => {
    const c = clusterFrom(`${pod('a', undefined, [['c']])}`);
    expect(c.pods.find((p) => p.key === 'default/a')!.node).toBe('kind-control-plane');
  });

  it('hands out pod addresses from .2 of the node range in creation order (host-local IPAM)', () => {
    const c = clusterFrom(`${KIND_3}${pod('a', 'kind-worker', [['c']])}${pod('b', 'kind-worker2', [['c']])}${pod('d', 'kind-worker', [['c']])}`);
    expect(c.pods.map((p) => [p.key, p.ip])).toEqual([
      ['kube-system/' + c.pods[0]!.spec.name, '10.244.0.2'],
      ['kube-system/' + c.pods[1]!.spec.name, '10.244.0.3'],
      ['default/a', '10.244.1.2'],
      ['default/b', '10.244.2.2'],
      ['default/d', '10.244.1.3'],
    ]);
  });

  it('writes the bridge CNI\'s routes in a pod and host-gw routes on the node', () => {
    const c = clusterFrom(`${KIND_3}${pod('a', 'kind-worker', [['c']])}`);
    expect(formatIpRoute(c.netns(podNetnsId('default/a')))).toBe('default via 10.244.1.1 dev eth0\n10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.2\n');
    expect(formatIpRoute(c.netns(nodeNetnsId('kind-worker')))).toBe([
      'default via 172.18.0.1 dev eth0',
      '10.244.0.0/24 via 172.18.0.2 dev eth0',
      '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
      '10.244.2.0/24 via 172.18.0.4 dev eth0',
      '172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.3',
      '',
    ].join('\n'));
  });

  it('creates cni0 only on nodes that run a pod with its own namespace', () => {
    const c = clusterFrom(`${KIND_3}${pod('a', 'kind-worker', [['c']])}`);
    expect(c.netns(nodeNetnsId('kind-worker2')).devices.map((d) => d.name)).toEqual(['lo', 'eth0']);
    expect(formatIpRoute(c.netns(nodeNetnsId('kind-worker2')))).not.toMatch(/cni0/);
  });

  it('pairs each pod eth0 with a veth on its node\'s bridge, with matching ifindexes', () => {
    const c = clusterFrom(`${KIND_3}${pod('a', 'kind-worker', [['c']])}${pod('b', 'kind-worker', [['c']])}`);
    const node = c.netns(nodeNetnsId('kind-worker'));
    const eth0 = c.netns(podNetnsId('default/b')).devices.find((d) => d.name === 'eth0')!;
    const veth = node.devices.find((d) => d.name === eth0.peer!.device)!;
    expect(veth).toMatchObject({ kind: 'veth', master: 'cni0', ifindex: eth0.peer!.ifindex });
    expect(veth.peer).toEqual({ netns: podNetnsId('default/b'), device: 'eth0', ifindex: 2 });
    expect(veth.name).toMatch(/^veth[0-9a-f]{8}$/);
    expect(eth0.mac).toBe('0a:58:0a:f4:01:03');
    expect(formatIpAddr(c.netns(podNetnsId('default/b')), () => '')).toContain('2: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    link/ether 0a:58:0a:f4:01:03 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n    inet 10.244.1.3/24 brd 10.244.1.255 scope global eth0');
  });

  it('applies route edits from the scenario and reports bad ones with their line', () => {
    const edits = `${KIND_3}---
apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec:
  routes:
    - {node: kind-worker, op: del, route: 10.244.2.0/24}
    - {node: kind-worker, op: add, route: 10.244.2.0/24 via 172.18.0.2}
`;
    const c = clusterFrom(edits);
    expect(formatIpRoute(c.netns(nodeNetnsId('kind-worker')))).toContain('10.244.2.0/24 via 172.18.0.2 dev eth0\n');
    const bad = parseScenario(edits.replace('via 172.18.0.2', 'via 192.168.7.7'));
    if (!bad.ok) throw new Error('parse');
    const r = compile(bad.scenario);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 13 });
    expect(r.errors[0]!.message).toMatch(/invalid gateway/);
  });

  it('compiles the default scenario: CoreDNS on the control plane, the app pods on both workers', () => {
    const p = parseScenario(readFileSync('src/scenarios/default.yaml', 'utf8'));
    if (!p.ok) throw new Error('parse');
    const r = compile(p.scenario);
    if (!r.ok) throw new Error('compile');
    expect(r.cluster.pods.filter((x) => x.spec.namespace === 'kube-system').map((x) => [x.node, x.ip])).toEqual([
      ['kind-control-plane', '10.244.0.2'], ['kind-control-plane', '10.244.0.3'],
    ]);
    const appNodes = new Set(r.cluster.pods.filter((x) => x.spec.namespace === 'default').map((x) => x.node));
    expect(appNodes).toEqual(new Set(['kind-worker', 'kind-worker2']));
  });
});
