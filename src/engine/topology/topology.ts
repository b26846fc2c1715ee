// The cluster as a view draws it: machines (nodes, the gateway, outside hosts) holding
// pods holding containers, the devices of every namespace, and the links between them
// (veth pairs, bridge ports, wires to the node network and the internet), and the Services.
// Pure data; the UI decides the layout and the look. A big cluster is drawn in parts: the
// overview (machines, networks, Services, each node with its pods counted) and, on demand,
// what is inside some nodes; topology() is both at once.
import type { Cluster, Device } from '../cluster/types';
import type { ScenarioError } from '../model/types';
import { machinesPart, nodeElement, nodeInside } from './parts';
import { servicesPart } from './services-part';
import { tunnelPeers } from './tunnels';

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
  /** Pods a controller made: the workload whose template an edit of the pod changes ("Deployment default/api"). */
  readonly owner?: { readonly kind: 'Deployment' | 'DaemonSet' | 'StatefulSet'; readonly namespace: string; readonly name: string };
  /** Services: type, whether the cluster made it (default/kubernetes, kube-dns). */
  readonly serviceType?: string;
  readonly builtIn?: boolean;
  /** Nodes: the pods scheduled there, counted, so an overview can draw the node without them. */
  readonly podCount?: PodCount;
  /** Segments: part of the node network (the underlay), not the internet. */
  readonly underlay?: boolean;
}

export interface PodCount {
  readonly total: number;
  /** By Kubernetes namespace. */
  readonly byNamespace: Readonly<Record<string, number>>;
  /** Pods on the host network (no namespace of their own; their containers sit in the node). */
  readonly hostNetwork: number;
  readonly notReady: number;
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

/** Elements and links, added to as the parts are built. */
export interface TopologyBuilder {
  readonly elements: TopoElement[];
  readonly links: TopoLink[];
}

/** Everything: every node with its pods, containers and devices. */
export function topology(cluster: Cluster): Topology {
  const out: TopologyBuilder = { elements: [], links: [] };
  machinesPart(cluster, out, () => {
    for (const node of cluster.nodes) {
      out.elements.push(nodeElement(cluster, node));
      nodeInside(cluster, node, out);
    }
    tunnelPeers(cluster, cluster.nodes, out);
  });
  servicesPart(cluster, out, () => true);
  return out;
}

/**
 * The overview: the networks, the gateway, outside hosts, Services and load balancers, and
 * each node with its pods counted but not drawn (links to pods come with their node's detail).
 */
export function topologyOverview(cluster: Cluster): Topology {
  const out: TopologyBuilder = { elements: [], links: [] };
  machinesPart(cluster, out, () => {
    for (const node of cluster.nodes) out.elements.push(nodeElement(cluster, node));
  });
  servicesPart(cluster, out, (nodeName) => nodeName === undefined);
  return out;
}

/** What is inside some nodes: their devices, pods, containers, and the Services' links to those pods. */
export function nodeTopology(cluster: Cluster, nodes: readonly string[]): Topology {
  const out: TopologyBuilder = { elements: [], links: [] };
  const wanted = new Set(nodes);
  for (const node of cluster.nodes) if (wanted.has(node.name)) nodeInside(cluster, node, out);
  tunnelPeers(cluster, cluster.nodes.filter((n) => wanted.has(n.name)), out);
  servicesPart(cluster, { elements: [], links: out.links }, (nodeName, toPod) => toPod && nodeName !== undefined && wanted.has(nodeName));
  return out;
}
