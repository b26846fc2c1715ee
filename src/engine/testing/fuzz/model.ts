// The fuzz harness's own picture of a scenario: plain data that the generators produce and
// render.ts turns into YAML. Each capability adds its part here and a generator beside it
// (CNIs, DNS, Ingress, NetworkPolicy ...), so a generated case stays one value that prints.
import type { ProxyMode } from '../../model/types';

export type Proto = 'TCP' | 'UDP';

export interface FuzzContainerPort { readonly port: number; readonly name?: string; readonly protocol: Proto }
export interface FuzzContainer { readonly name: string; readonly ports: readonly FuzzContainerPort[] }

export interface FuzzPod {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** An index into the cluster's nodes (modulo their number), or none to let the scheduler choose. */
  readonly node?: number;
  readonly hostNetwork: boolean;
  readonly ready: boolean;
  readonly containers: readonly FuzzContainer[];
}

export interface FuzzDeployment {
  readonly name: string;
  readonly namespace: string;
  readonly replicas: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly ready: boolean;
  readonly containers: readonly FuzzContainer[];
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName' | 'Headless';

export interface FuzzServicePort { readonly name?: string; readonly port: number; readonly targetPort?: number | string; readonly protocol: Proto; readonly nodePort?: number }

export interface FuzzService {
  readonly name: string;
  readonly namespace: string;
  readonly type: ServiceType;
  /** Labels to select; none for a Service whose endpoints come from hand-written EndpointSlices. */
  readonly selector?: Readonly<Record<string, string>>;
  readonly ports: readonly FuzzServicePort[];
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  readonly internalTrafficPolicy?: 'Cluster' | 'Local';
  readonly affinitySeconds?: number;
  readonly sourceRanges: readonly string[];
  /** Node indexes whose addresses are the Service's externalIPs. */
  readonly externalIPNodes: readonly number[];
}

export interface FuzzEndpointSlice {
  readonly name: string;
  readonly namespace: string;
  readonly service: string;
  readonly ports: readonly { readonly name: string; readonly port: number; readonly protocol: Proto }[];
  readonly endpoints: readonly { readonly ip: string; readonly ready: boolean }[];
}

export interface FuzzOutsideHost { readonly name: string; readonly ip: string; readonly ports: readonly { readonly port: number; readonly protocol: Proto }[] }

export type FuzzRouteEdit =
  | { readonly node: number; readonly op: 'del'; readonly podRangeOfNode: number }
  | { readonly node: number; readonly op: 'add'; readonly route: string };

export interface FuzzCluster {
  readonly controlPlanes: number;
  readonly workers: number;
  readonly mode: ProxyMode;
  readonly podSubnet: string;
  readonly serviceSubnet: string;
}

export interface FuzzSettings {
  readonly seed: number;
  readonly ipvsScheduler: 'rr' | 'wrr' | 'lc' | 'sh' | 'mh';
  readonly egressMasquerade: boolean;
  readonly systemPods: boolean;
  readonly outsideHosts: readonly FuzzOutsideHost[];
  readonly routes: readonly FuzzRouteEdit[];
  /** The CNI plugin (spec.cni); absent: the default, the bridge plugin. Set by the CNI fuzz test, not generated here. */
  readonly cni?: string;
}

export interface FuzzScenario {
  readonly cluster: FuzzCluster;
  readonly settings: FuzzSettings;
  readonly namespaces: readonly string[];
  readonly pods: readonly FuzzPod[];
  readonly deployments: readonly FuzzDeployment[];
  readonly services: readonly FuzzService[];
  readonly endpointSlices: readonly FuzzEndpointSlice[];
}

/** A send, described by choices the runner resolves against the compiled cluster (indexes wrap). */
export interface FuzzSend {
  readonly from: { readonly kind: 'pod' | 'node' | 'outside'; readonly index: number; readonly container: number };
  readonly to: { readonly kind: 'pod' | 'service' | 'lb' | 'node' | 'outside' | 'clusterIP' | 'address'; readonly index: number; readonly address?: string };
  readonly port: { readonly kind: 'service' | 'target' | 'node' | 'any'; readonly index: number; readonly any: number };
  readonly proto: 'tcp' | 'udp' | 'icmp';
  readonly seed?: number;
  /** Carry the state of the previous send (caches, conntrack, affinity, the IPVS scheduler). */
  readonly session: boolean;
}

export interface FuzzCase {
  readonly scenario: FuzzScenario;
  readonly sends: readonly FuzzSend[];
}
