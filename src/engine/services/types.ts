// Services as the API server stores them after defaulting and allocation (ClusterIP,
// NodePorts, the health check node port, the load balancer's address) and the endpoints
// the EndpointSlice controller derives for them.
import type { Protocol, SourceRef } from '../model/types';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePortModel {
  /** '' when the port is unnamed. */
  readonly name: string;
  readonly protocol: Protocol;
  readonly port: number;
  /** A number, or the name of a container port. */
  readonly targetPort: number | string;
  /** 0 when the Service has no node port. */
  readonly nodePort: number;
}

export interface ServiceModel {
  /** NAMESPACE/NAME */
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  /** metadata.labels (kube-proxy ignores Services with service.kubernetes.io/service-proxy-name). */
  readonly labels: Readonly<Record<string, string>>;
  readonly type: ServiceType;
  /** null for headless and ExternalName Services. */
  readonly clusterIP: string | null;
  readonly selector?: Readonly<Record<string, string>>;
  readonly ports: readonly ServicePortModel[];
  readonly externalIPs: readonly string[];
  /** The cloud load balancer's address (status.loadBalancer.ingress[0].ip). */
  readonly loadBalancerIP?: string;
  readonly loadBalancerSourceRanges: readonly string[];
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
  readonly healthCheckNodePort: number;
  /** ClientIP affinity timeout in seconds; 0 without affinity. */
  readonly affinitySeconds: number;
  readonly externalName?: string;
  readonly source: SourceRef;
  /** Built in by the cluster (default/kubernetes, kube-system/kube-dns). */
  readonly builtIn: boolean;
}

/** One endpoint of a Service, as an EndpointSlice lists it. */
export interface EndpointModel {
  readonly ip: string;
  readonly nodeName?: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  /** The pod behind it, when there is one. */
  readonly podKey?: string;
  /** Target port per Service port name ('' for unnamed), resolved against this pod. */
  readonly ports: ReadonlyMap<string, number>;
}

export interface ServiceEndpoints {
  readonly service: string;
  /** The EndpointSlice name(s), for display. */
  readonly slices: readonly string[];
  readonly endpoints: readonly EndpointModel[];
}
