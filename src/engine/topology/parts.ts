// The parts of a topology: the networks and the machines outside the cluster, a node as an
// element (with its pods counted), and what is inside a node (its devices, its pods with their
// containers and devices, and the links between them).
import type { Cluster, ClusterNode, Device, NetnsShape } from '../cluster/types';
import type { PodSpec } from '../model/types';
import { GATEWAY_NETNS, INTERNET_SEGMENT, nodeListeners, nodeNetnsId } from '../cluster/netns';
import { cidrText } from '../lib/ip';
import { INTERNET_HOSTS_ELEMENT, INTERNET_HOST_PORTS, INTERNET_ROUTER_NETNS, WAN_SEGMENT } from '../cluster/internet';
import { containerId, deviceId, machineId, segmentId } from './ids';
import { proxyRole } from '../apps/proxy-app';
import type { PodCount, TopoElement, TopologyBuilder } from './topology';

function deviceElement(ns: NetnsShape, d: Device, parent: string, owner: string): TopoElement {
  const addrs = d.addrs.filter((a) => a.scope !== 'host').map((a) => `${a.ip}/${a.prefix}`);
  const tunnel = d.vxlan ? [`VXLAN ${d.vxlan.vni === 'external' ? 'collect-metadata' : `VNI ${d.vxlan.vni}`}, UDP ${d.vxlan.port}`] : d.kind === 'ipip' ? ['IP-in-IP'] : [];
  return {
    id: deviceId(ns.id, d.name), kind: 'device', label: d.name, name: `device ${d.name} of ${owner}`, parent,
    details: [...addrs, `MAC ${d.mac}`, ...(d.master ? [`port of ${d.master}`] : []), ...tunnel, `MTU ${d.mtu}`], deviceKind: d.kind,
    addresses: addrs, mac: d.mac,
  };
}

/** A pod a controller made names its workload, whose template an edit of the pod changes. */
function ownerOf(spec: PodSpec): Pick<TopoElement, 'owner'> {
  const o = spec.owner;
  if (!o) return {};
  return { owner: { kind: o.kind === 'ReplicaSet' ? 'Deployment' : o.kind, namespace: spec.namespace, name: o.kind === 'ReplicaSet' ? o.deployment : o.name } };
}

/** The segments first, then whatever `nodes` adds, then the gateway and the outside hosts. */
export function machinesPart(cluster: Cluster, out: TopologyBuilder, nodes: () => void): void {
  const { elements, links } = out;
  // The underlay, apart from the pods: kind's one L2 segment, or each subnet of a VPC.
  for (const seg of cluster.underlay.segments) {
    const name = cluster.underlay.kind === 'l2' ? 'node network' : seg.label.replace(/ \(.*\)$/, '');
    elements.push({ id: segmentId(seg.id), kind: 'segment', label: seg.label, name, details: [...seg.details], underlay: true });
  }
  elements.push({ id: segmentId(INTERNET_SEGMENT), kind: 'segment', label: 'internet', name: 'internet', details: [] });
  nodes();
  const gw = cluster.shape(GATEWAY_NETNS);
  const router = cluster.underlay.routerLabel;
  elements.push({ id: machineId(GATEWAY_NETNS), kind: 'gateway', netns: GATEWAY_NETNS, label: router, name: router, details: [cluster.underlay.routerDetails] });
  for (const d of gw.devices) {
    if (d.kind === 'loopback') continue;
    elements.push(deviceElement(gw, d, machineId(GATEWAY_NETNS), `the ${router}`));
    if (d.segment) links.push({ id: `wire:${gw.id}:${d.name}`, kind: 'wire', source: deviceId(gw.id, d.name), target: segmentId(d.segment) });
  }
  const inet = cluster.shape(INTERNET_ROUTER_NETNS);
  elements.push({ id: segmentId(WAN_SEGMENT), kind: 'segment', label: 'the internet', name: 'the internet', details: ['every public address the scenario does not declare'] });
  elements.push({ id: machineId(INTERNET_ROUTER_NETNS), kind: 'gateway', netns: INTERNET_ROUTER_NETNS, label: 'internet', name: 'internet router', details: ['the routers of the internet, as one'] });
  for (const d of inet.devices) {
    if (d.kind === 'loopback') continue;
    elements.push(deviceElement(inet, d, machineId(INTERNET_ROUTER_NETNS), 'the internet router'));
    if (d.segment) links.push({ id: `wire:${inet.id}:${d.name}`, kind: 'wire', source: deviceId(inet.id, d.name), target: segmentId(d.segment) });
  }
  elements.push({
    id: INTERNET_HOSTS_ELEMENT, kind: 'outside', label: 'any public address', name: 'hosts on the internet',
    details: ['any public address: answers ping, serves HTTP on 80 and HTTPS on 443, drops the rest'],
    ports: INTERNET_HOST_PORTS.map((port) => ({ port, protocol: 'TCP' as const })),
  });
  links.push({ id: `wire:${INTERNET_HOSTS_ELEMENT}`, kind: 'wire', source: INTERNET_HOSTS_ELEMENT, target: segmentId(WAN_SEGMENT) });
  for (const h of cluster.outside) {
    const ns = cluster.shape(h.netns);
    const id = machineId(h.netns);
    elements.push({ id, kind: 'outside', netns: h.netns, label: h.name, name: `outside host ${h.name}`, details: [h.ip, ...h.ports.map((p) => `${p.port}/${p.protocol}`)], sendRef: `external:${h.ip}`, addresses: [h.ip], ports: h.ports });
    for (const d of ns.devices) {
      if (d.kind === 'loopback') continue;
      elements.push(deviceElement(ns, d, id, `outside host ${h.name}`));
      if (d.segment) links.push({ id: `wire:${ns.id}:${d.name}`, kind: 'wire', source: deviceId(ns.id, d.name), target: segmentId(d.segment) });
    }
  }
}

function podCount(cluster: Cluster, node: ClusterNode): PodCount {
  const byNamespace: Record<string, number> = {};
  let hostNetwork = 0;
  let notReady = 0;
  for (const key of node.pods) {
    const pod = cluster.pod(key);
    if (!pod) continue;
    byNamespace[pod.spec.namespace] = (byNamespace[pod.spec.namespace] ?? 0) + 1;
    if (pod.slot < 0) hostNetwork++;
    if (!pod.spec.ready) notReady++;
  }
  return { total: node.pods.length, byNamespace, hostNetwork, notReady };
}

/** A node as an element: its name, address, pod range, what listens on it and its pods counted. */
export function nodeElement(cluster: Cluster, node: ClusterNode): TopoElement {
  const ports = nodeListeners(cluster, node.name).map((l) => ({
    port: l.port, protocol: l.proto === 'udp' ? 'UDP' as const : l.proto === 'sctp' ? 'SCTP' as const : 'TCP' as const, owner: l.owner, ...(l.addr !== '0.0.0.0' ? { address: l.addr } : {}),
  }));
  return {
    id: machineId(nodeNetnsId(node.name)), kind: 'node', netns: nodeNetnsId(node.name), label: node.name, name: `node ${node.name}`, sendRef: `node:${node.name}`,
    addresses: [node.ip], ports, details: [node.role, node.ip, `pods ${node.podRanges.map(cidrText).join(', ')}`], podCount: podCount(cluster, node),
  };
}

/** A node's devices, its pods (containers, devices) and the links between them. */
export function nodeInside(cluster: Cluster, node: ClusterNode, out: TopologyBuilder): void {
  const { elements, links } = out;
  const ns = cluster.shape(nodeNetnsId(node.name));
  const nid = machineId(ns.id);
  for (const d of ns.devices) {
    if (d.kind === 'loopback') continue;
    elements.push(deviceElement(ns, d, nid, `node ${node.name}`));
    if (d.master) links.push({ id: `port:${ns.id}:${d.name}`, kind: 'port', source: deviceId(ns.id, d.name), target: deviceId(ns.id, d.master) });
    if (d.segment) links.push({ id: `wire:${ns.id}:${d.name}`, kind: 'wire', source: deviceId(ns.id, d.name), target: segmentId(d.segment) });
    // A tunnel device's packets travel inside the underlay device's: the tunnel runs through it to the other nodes.
    if (d.kind === 'vxlan' || d.kind === 'ipip') links.push({ id: `tunnel:${ns.id}:${d.name}`, kind: 'tunnel', source: deviceId(ns.id, d.name), target: deviceId(ns.id, d.vxlan?.dev ?? 'eth0') });
  }
  for (const key of node.pods) {
    const pod = cluster.pod(key);
    if (!pod) continue;
    if (pod.slot < 0) {
      for (const c of pod.spec.containers) {
        elements.push({ id: containerId(pod.key, c.name), kind: 'container', label: c.name, name: `container ${c.name} of pod ${pod.key} (host network)`, parent: nid, details: c.ports.map((p) => `${p.containerPort}/${p.protocol}`), sendRef: pod.key, addresses: [pod.ip], ...ownerOf(pod.spec), ports: c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol })) });
      }
      continue;
    }
    const pns = cluster.shape(pod.netns);
    const pid = machineId(pod.netns);
    const role = proxyRole(pod);
    elements.push({ id: pid, kind: 'pod', netns: pod.netns, label: pod.spec.name, name: `pod ${pod.key}`, parent: nid, details: [pod.ip, ...(role ? [role] : []), ...(pod.spec.ready ? [] : ['not ready'])], sendRef: pod.key, addresses: [pod.ip], ...ownerOf(pod.spec), ports: pod.spec.containers.flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol, owner: c.name }))) });
    for (const c of pod.spec.containers) {
      elements.push({ id: containerId(pod.key, c.name), kind: 'container', label: c.name, name: `container ${c.name} of pod ${pod.key}`, parent: pid, details: c.ports.map((p) => `${p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ''}`), sendRef: pod.key, addresses: [pod.ip], ...ownerOf(pod.spec), ports: c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol })) });
    }
    for (const d of pns.devices) {
      elements.push(deviceElement(pns, d, pid, `pod ${pod.key}`));
      if (d.peer && d.kind === 'veth') links.push({ id: `veth:${pns.id}:${d.name}`, kind: 'veth', source: deviceId(pns.id, d.name), target: deviceId(d.peer.netns, d.peer.device) });
    }
  }
}
