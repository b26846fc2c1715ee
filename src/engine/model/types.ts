// The scenario: what the user owns. Kubernetes manifests plus a kind cluster config and
// podpath's own settings, normalised with every default filled in. Nothing here is
// derived networking state (that is compile()'s job), so it stays small and serialisable.

import type { PortRange } from './port-range';
import type { NetworkPolicySpec } from './netpol-types';
import type { GatewayClassDoc, GatewayDoc, HttpRouteDoc, IngressClassDoc, IngressDoc } from './schemas-routing';
import type { FieldLines } from './locate';

export type { PortRange } from './port-range';
export type { NetworkPolicySpec, LabelSelectorSpec, PolicyPeer, PolicyPort, PolicyRule, PolicyType } from './netpol-types';
export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type ProxyMode = 'iptables' | 'ipvs' | 'nftables' | 'none';
export type { CniName, CniConfig, CalicoPool } from './cni-config';
import type { CniConfig, CniName } from './cni-config';

/** Where a manifest came from, so later errors can point at a line. */
export interface SourceRef {
  /** 1-based index of the YAML document in the scenario. */
  readonly doc: number;
  readonly line: number;
  /** The line of each field of the document (see locate.ts), so later errors point at their field. */
  readonly fields?: FieldLines;
}

export interface ClusterNodeSpec {
  readonly name: string;
  readonly role: 'control-plane' | 'worker';
  readonly labels: Readonly<Record<string, string>>;
  /** What a real cluster reported (a Node document from `kubectl get nodes -o yaml`): used instead of allocating. */
  readonly observed?: {
    /** status.addresses' InternalIP. */
    readonly ip?: string;
    /** spec.podCIDR. */
    readonly podCidr?: string;
    /** Whether it has the control plane's NoSchedule taint (spec.taints), as reported. */
    readonly tainted: boolean;
    readonly source: SourceRef;
  };
}

export interface ClusterSpec {
  /** kind's cluster name; nodes are named `<name>-control-plane`, `<name>-worker`, ... */
  readonly name: string;
  readonly nodes: readonly ClusterNodeSpec[];
  readonly podSubnet: string;
  readonly serviceSubnet: string;
  /** The docker network kind attaches nodes to. */
  readonly nodeSubnet: string;
  readonly kubeProxyMode: ProxyMode;
}

export interface OutsideHostSpec {
  readonly name: string;
  readonly ip: string;
  readonly ports: readonly { readonly port: number; readonly protocol: Protocol }[];
  /** DNS names (example.com) the internet's resolvers answer with this host's address. */
  readonly names: readonly string[];
}

/** A change to a routing table that a learner asks for, to see the walk change. */
export interface RouteEdit {
  readonly node: string;
  /** NAMESPACE/POD for a pod's table; absent for the node's root namespace. */
  readonly pod?: string;
  readonly op: 'add' | 'del';
  /** `ip route` syntax, e.g. "10.244.2.0/24 via 172.18.0.2 dev eth0". */
  readonly route: string;
  readonly source: SourceRef;
}

export interface Settings {
  readonly cni: CniName;
  /** The plugin's configuration (from the Podpath document, an IPPool, flannel's net-conf.json). */
  readonly cniConfig: CniConfig;
  /** The MTU the CNI gives pod interfaces, when the scenario overrides the plugin's own choice. */
  readonly podMTU?: number;
  readonly seed: number;
  readonly outsideHosts: readonly OutsideHostSpec[];
  readonly routes: readonly RouteEdit[];
  /** Graph positions the user dragged, by graph element id. */
  readonly layout: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
  /** Whether kind's own system pods (CoreDNS) are part of the cluster. */
  readonly systemPods: boolean;
  /** The public resolver the docker host's DNS forwards to (8.8.8.8 unless set). */
  readonly upstreamDNS: string;
  /** Whether the CNI masquerades traffic leaving the pod network (kind's kind-masq-agent). */
  readonly egressMasquerade: boolean;
  /** kube-proxy's ipvs.scheduler (IPVS mode): rr by default. */
  readonly ipvsScheduler: 'rr' | 'wrr' | 'lc' | 'sh' | 'mh';
  /** kube-apiserver's --service-node-port-range (default 30000-32767). */
  readonly serviceNodePortRange: PortRange;
  /** Components installed with the cluster, as their own manifests install them (model/addons.ts). */
  readonly addons: readonly Addon[];
}

/** What `spec.addons` can install: ingress-nginx's cloud manifest, or Envoy Gateway's controller. */
export type Addon = 'ingress-nginx' | 'envoy-gateway';

export interface ContainerPortSpec {
  readonly containerPort: number;
  readonly name?: string;
  readonly protocol: Protocol;
}

export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly ports: readonly ContainerPortSpec[];
  /** The container's arguments (a proxy reads its flags from them: --ingress-class, --watch-ingress-without-class ...). */
  readonly args?: readonly string[];
}

export interface Toleration {
  readonly key?: string;
  readonly operator: 'Exists' | 'Equal';
  readonly value?: string;
  readonly effect?: string;
}

/** How the kubelet writes the pod's /etc/resolv.conf (core/v1 DNSPolicy). */
export type DnsPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

export interface DnsConfigSpec {
  readonly nameservers: readonly string[];
  readonly searches: readonly string[];
  readonly options: readonly { readonly name: string; readonly value?: string }[];
}

/** The controller that made a pod. */
export type PodOwner =
  | { readonly kind: 'ReplicaSet'; readonly name: string; readonly deployment: string }
  | { readonly kind: 'DaemonSet'; readonly name: string }
  | { readonly kind: 'StatefulSet'; readonly name: string; readonly ordinal: number };

export interface PodSpec {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly nodeName?: string;
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly Toleration[];
  readonly hostNetwork: boolean;
  readonly dnsPolicy: DnsPolicy;
  readonly dnsConfig?: DnsConfigSpec;
  /** spec.hostname (a StatefulSet sets it to the pod's name); the pod's name otherwise. */
  readonly hostname?: string;
  /** spec.subdomain: with a headless Service of that name, the pod gets <hostname>.<subdomain>.<ns>.svc records. */
  readonly subdomain?: string;
  readonly hostAliases: readonly { readonly ip: string; readonly hostnames: readonly string[] }[];
  readonly containers: readonly ContainerSpec[];
  /** Readiness as the endpoints controller sees it (annotation podpath.dev/ready or status). */
  readonly ready: boolean;
  /** The controller that made the pod. */
  readonly owner?: PodOwner;
  /** status.podIP a real cluster reported (`kubectl get pods -o yaml`): the pod keeps it instead of the next free address. */
  readonly observedIP?: string;
  readonly source: SourceRef;
}

export interface NamespaceSpec {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** A Kubernetes object podpath stores as given (Services, EndpointSlices, ...). */
export interface StoredManifest {
  readonly kind: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly source: SourceRef;
}

/** A validated routing object: its document with defaults filled in, and where it came from. */
export interface Routed<T> {
  readonly namespace: string;
  readonly name: string;
  readonly doc: T;
  readonly source: SourceRef;
  /** metadata.creationTimestamp in seconds since the epoch, when the document names it. */
  readonly created?: number;
}

export interface RoutingObjects {
  readonly ingresses: readonly Routed<IngressDoc>[];
  readonly ingressClasses: readonly Routed<IngressClassDoc>[];
  readonly gatewayClasses: readonly Routed<GatewayClassDoc>[];
  readonly gateways: readonly Routed<GatewayDoc>[];
  readonly httpRoutes: readonly Routed<HttpRouteDoc>[];
}

export interface Scenario {
  readonly cluster: ClusterSpec;
  readonly settings: Settings;
  readonly namespaces: readonly NamespaceSpec[];
  readonly pods: readonly PodSpec[];
  readonly services: readonly StoredManifest[];
  readonly endpointSlices: readonly StoredManifest[];
  /** networking.k8s.io/v1 NetworkPolicies, in document order. */
  readonly networkPolicies: readonly NetworkPolicySpec[];
  /** Ingress and Gateway API objects, validated. */
  readonly routing: RoutingObjects;
  /** Other objects kept as given and not yet modelled (ConfigMap, ...). */
  readonly other: readonly StoredManifest[];
  readonly warnings: readonly ScenarioError[];
}

/** A located problem in the scenario text. */
export interface ScenarioError {
  /** 1-based document number; 0 when the problem belongs to no single document in particular. */
  readonly doc: number;
  /** "Pod default/web" when known. */
  readonly object?: string;
  /** Dotted field path, e.g. spec.containers[0].ports[1].containerPort */
  readonly field?: string;
  /** 1-based line; 0 when unknown. */
  readonly line: number;
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };
