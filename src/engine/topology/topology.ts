// The cluster as a view draws it: machines (nodes, the gateway, outside hosts) holding
// pods holding containers, the devices of every namespace, and the links between them
// (veth pairs, bridge ports, wires to the node network and the internet). Pure data;
// the UI decides the layout and the look.
import type { Cluster, Device, NetnsShape } from '../cluster/types';
import type { ScenarioError } from '../model/types';
import { cidrText } from '../lib/ip';
import { GATEWAY_NETNS, INTERNET_SEGMENT, nodeNetnsId } from '../cluster/netns';
import { INTERNET_HOSTS_ELEMENT, INTERNET_HOST_PORTS, INTERNET_ROUTER_NETNS, WAN_SEGMENT } from '../cluster/internet';
import { containerId, deviceId, loadBalancerId, machineId, segmentId, serviceId } from './ids';

export type TopoKind = 'node' | 'pod' | 'container' | 'device' | 'gateway' | 'outside' | 'segment' | 'service' | 'loadbalancer';

export interface TopoElement {
  readonly id: string;
  readonly kind: TopoKind;
  /** Short label drawn on the element. */
  readonly label: string;
  /** Accessible name: "pod default/web", "node kind-worker", "device eth0 of pod default/web". */
  readonly name: string;
  readonly parent?: string;
  /** Extra facts shown on hover/selection: IP, MAC, role, ports. */
  readonly details: readonly string[];
  /** For pods and containers: what a send to it addresses. */
  readonly sendRef?: string;
  /** For machines and pods: the engine's id of their network namespace (absent for the hosts of the internet, drawn as one). */
  readonly netns?: string;
  /** For devices: the device kind. */
  readonly deviceKind?: Device['kind'];
  /** Addresses with prefix (devices), or the address (pods, nodes, outside hosts). */
  readonly addresses?: readonly string[];
  readonly mac?: string;
  /** What listens here: a container's ports, a node's processes, an outside host's services. */
  readonly ports?: readonly {
    readonly port: number; readonly protocol: 'TCP' | 'UDP' | 'SCTP'; readonly owner?: string;
    /** A node's listener bound to one address (127.0.0.1), not to every address. */
    readonly address?: string;
    /** Services: the port's name, where it goes on the pods, and its node port (0 if none). */
    readonly name?: string; readonly targetPort?: number | string; readonly nodePort?: number;
  }[];
  /** Segments: part of the node network (the underlay), not the internet. */
  readonly underlay?: boolean;
  /** Services: type, whether the cluster made it (default/kubernetes, kube-dns). */
  readonly serviceType?: string;
  readonly builtIn?: boolean;
}

export interface TopoLink {
  readonly id: string;
  /** veth pair, bridge port, wire to a segment, a tunnel device to the underlay device that carries it; a Service to one endpoint; a load balancer to its Service. */
  readonly kind: 'veth' | 'port' | 'wire' | 'tunnel' | 'endpoint' | 'lb';
  readonly source: string;
  readonly target: string;
}

export interface Topology {
  readonly elements: readonly TopoElement[];
  readonly links: readonly TopoLink[];
  /** Set (and the lists empty) when drawing failed: a podpath bug, reported instead of thrown. */
  readonly error?: ScenarioError;
}

function deviceElement(ns: NetnsShape, d: Device, parent: string, owner: string): TopoElement {
  const addrs = d.addrs.filter((a) => a.scope !== 'host').map((a) => `${a.ip}/${a.prefix}`);
  const tunnel = d.vxlan ? [`VXLAN ${d.vxlan.vni === 'external' ? 'collect-metadata' : `VNI ${d.vxlan.vni}`}, UDP ${d.vxlan.port}`] : d.kind === 'ipip' ? ['IP-in-IP'] : [];
  return {
    id: deviceId(ns.id, d.name), kind: 'device', label: d.name, name: `device ${d.name} of ${owner}`, parent,
    details: [...addrs, `MAC ${d.mac}`, ...(d.master ? [`port of ${d.master}`] : []), ...tunnel, `MTU ${d.mtu}`], deviceKind: d.kind,
    addresses: addrs, mac: d.mac,
  };
}

export function topology(cluster: Cluster): Topology {
  const elements: TopoElement[] = [];
  const links: TopoLink[] = [];
  // The underlay, apart from the pods: kind's one L2 segment, or each subnet of a VPC.
  for (const seg of cluster.underlay.segments) {
    const name = cluster.underlay.kind === 'l2' ? 'node network' : seg.label.replace(/ \(.*\)$/, '');
    elements.push({ id: segmentId(seg.id), kind: 'segment', label: seg.label, name, details: [...seg.details], underlay: true });
  }
  elements.push({ id: segmentId(INTERNET_SEGMENT), kind: 'segment', label: 'internet', name: 'internet', details: [] });

  for (const node of cluster.nodes) {
    const ns = cluster.shape(nodeNetnsId(node.name));
    const nid = machineId(ns.id);
    const nodePorts = ns.listeners.map((l) => ({
      port: l.port, protocol: l.proto === 'udp' ? 'UDP' as const : 'TCP' as const, owner: l.owner, ...(l.addr !== '0.0.0.0' ? { address: l.addr } : {}),
    }));
    elements.push({ id: nid, kind: 'node', netns: ns.id, label: node.name, name: `node ${node.name}`, sendRef: `node:${node.name}`, addresses: [node.ip], ports: nodePorts, details: [node.role, node.ip, `pods ${node.podRanges.map(cidrText).join(', ')}`] });
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
          elements.push({ id: containerId(pod.key, c.name), kind: 'container', label: c.name, name: `container ${c.name} of pod ${pod.key} (host network)`, parent: nid, details: c.ports.map((p) => `${p.containerPort}/${p.protocol}`), sendRef: pod.key, addresses: [pod.ip], ports: c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol })) });
        }
        continue;
      }
      const pns = cluster.shape(pod.netns);
      const pid = machineId(pod.netns);
      elements.push({ id: pid, kind: 'pod', netns: pod.netns, label: pod.spec.name, name: `pod ${pod.key}`, parent: nid, details: [pod.ip, ...(pod.spec.ready ? [] : ['not ready'])], sendRef: pod.key, addresses: [pod.ip], ports: pod.spec.containers.flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol, owner: c.name }))) });
      for (const c of pod.spec.containers) {
        elements.push({ id: containerId(pod.key, c.name), kind: 'container', label: c.name, name: `container ${c.name} of pod ${pod.key}`, parent: pid, details: c.ports.map((p) => `${p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ''}`), sendRef: pod.key, addresses: [pod.ip], ports: c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol })) });
      }
      for (const d of pns.devices) {
        elements.push(deviceElement(pns, d, pid, `pod ${pod.key}`));
        if (d.peer && d.kind === 'veth') links.push({ id: `veth:${pns.id}:${d.name}`, kind: 'veth', source: deviceId(pns.id, d.name), target: deviceId(d.peer.netns, d.peer.device) });
      }
    }
  }
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
  services(cluster, elements, links);
  return { elements, links };
}

function services(cluster: Cluster, elements: TopoElement[], links: TopoLink[]) {
  for (const svc of cluster.services) {
    if (svc.type === 'ExternalName') continue;
    const id = serviceId(svc.key);
    const ports = svc.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol} → ${p.targetPort}${p.nodePort ? ` (node port ${p.nodePort})` : ''}`);
    const addresses = [...(svc.clusterIP ? [svc.clusterIP] : []), ...svc.externalIPs];
    elements.push({
      id, kind: 'service', label: svc.name, name: `service ${svc.key}`, sendRef: `svc:${svc.key}`, serviceType: svc.type, builtIn: svc.builtIn,
      details: [`${svc.type}${svc.clusterIP ? ` ${svc.clusterIP}` : ' (headless)'}`, ...ports, ...(svc.externalTrafficPolicy === 'Local' ? ['externalTrafficPolicy: Local'] : [])],
      addresses, ports: svc.ports.map((p) => ({ port: p.port, protocol: p.protocol, name: p.name, targetPort: p.targetPort, nodePort: p.nodePort })),
    });
    for (const e of cluster.endpoints.get(svc.key)?.endpoints ?? []) {
      const pod = e.podKey ? cluster.pod(e.podKey) : undefined;
      // A pod (host-network pods sit in their node), or a node itself (the API server's endpoints).
      const nodeName = pod ? (pod.slot >= 0 ? undefined : pod.node) : cluster.nodes.find((n) => n.ip === e.ip)?.name;
      const target = pod && pod.slot >= 0 ? machineId(pod.netns) : nodeName !== undefined ? machineId(nodeNetnsId(nodeName)) : undefined;
      if (target) links.push({ id: `endpoint:${svc.key}:${e.ip}`, kind: 'endpoint', source: id, target });
    }
    if (svc.loadBalancerIP) {
      const lb = loadBalancerId(svc.key);
      elements.push({
        id: lb, kind: 'loadbalancer', label: `${svc.name} LB`, name: `load balancer of service ${svc.key}`, sendRef: `lb:${svc.key}`,
        details: [svc.loadBalancerIP, ...svc.ports.map((p) => `${p.port}/${p.protocol} → node port ${p.nodePort}`)],
        addresses: [svc.loadBalancerIP], ports: svc.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
      });
      links.push({ id: `lb:${svc.key}`, kind: 'lb', source: lb, target: id });
    }
  }
}
