// Calico's workload endpoints: one per pod with its own network (host-network pods are not
// workloads), as libcalico-go's converter makes them from a pod (workload_endpoint_default.go):
// the host-side interface cali<hash>, the pod's labels plus projectcalico.org/namespace,
// /orchestrator and /serviceaccount, the profiles kns.<ns> and ksa.<ns>.<sa> (whose labels it
// inherits: pcns.<namespace label>, pcsa.<service account label>), and its named ports.
import type { PolicyWorld } from '../world';
import type { Labels } from '../selector';
import { workloadInterface } from './ids';
import { NAMESPACE_LABEL, NAMESPACE_PREFIX, ORCHESTRATOR_LABEL, SERVICE_ACCOUNT_LABEL } from './selector';

export interface CalicoEndpoint {
  /** NAMESPACE/NAME */
  readonly key: string;
  readonly namespace: string;
  readonly node: string;
  readonly iface: string;
  readonly ip: string;
  /** The labels selectors see: the endpoint's own, over those inherited from its profiles. */
  readonly labels: Labels;
  readonly profiles: readonly string[];
  readonly namedPorts: readonly { readonly name: string; readonly protocol: 'tcp' | 'udp' | 'sctp'; readonly port: number }[];
}

/** podpath's pods have no serviceAccountName: the ServiceAccount admission plugin sets "default". */
const SERVICE_ACCOUNT = 'default';

export function profileLabels(world: PolicyWorld, ns: string): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(world.namespaceLabels(ns))) out[`${NAMESPACE_PREFIX}${k}`] = v;
  out[`${NAMESPACE_PREFIX}projectcalico.org/name`] = ns;
  out['pcsa.projectcalico.org/name'] = SERVICE_ACCOUNT;
  return out;
}

export function calicoEndpoints(world: PolicyWorld): CalicoEndpoint[] {
  return world.pods.filter((p) => !p.hostNetwork).map((p) => ({
    key: p.key, namespace: p.namespace, node: p.node, iface: workloadInterface(p.namespace, p.name), ip: p.ip,
    labels: {
      ...profileLabels(world, p.namespace), ...p.labels,
      [NAMESPACE_LABEL]: p.namespace, [ORCHESTRATOR_LABEL]: 'k8s', [SERVICE_ACCOUNT_LABEL]: SERVICE_ACCOUNT,
    },
    profiles: [`kns.${p.namespace}`, `ksa.${p.namespace}.${SERVICE_ACCOUNT}`],
    namedPorts: p.ports.flatMap((c) => (c.name ? [{ name: c.name, protocol: c.protocol.toLowerCase() as 'tcp' | 'udp' | 'sctp', port: c.containerPort }] : [])),
  }));
}
