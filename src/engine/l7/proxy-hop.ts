// A layer-7 proxy's own steps, recorded as hops on the request it is handling: the rule it
// matched, the endpoint its balancer picked, an answer it gave itself. They follow the
// delivery of the request to the proxy's socket, in the same leg, and carry the packet as it
// arrived.
import type { Netns } from '../cluster/types';
import type { ExchangeDraft } from '../conversation/conversation';
import { containerId, machineId } from '../topology/ids';
import type { Hop, ProxyView, TraceLeg } from '../trace/types';

export interface ProxyHopSpec {
  readonly ns: Netns;
  /** The container the proxy runs in. */
  readonly container: string;
  readonly text: string;
  /** The deciding configuration, in its own syntax (the Ingress or HTTPRoute YAML, an nginx location). */
  readonly rule?: string;
  /** ingress (an Ingress rule), httproute, nginx (nginx's own configuration), envoy. */
  readonly table: string;
  readonly proxy: ProxyView;
}

/** Appends a proxy hop to the exchange's last leg (the request that reached the proxy). */
export function addProxyHop(ex: ExchangeDraft, spec: ProxyHopSpec): void {
  const i = ex.legs.length - 1;
  const leg = ex.legs[i];
  if (!leg) return;
  const arrived = leg.hops[leg.hops.length - 1];
  if (!arrived) return;
  const podKey = spec.ns.kind === 'pod' ? spec.ns.name : undefined;
  const hop: Hop = {
    at: podKey ? containerId(podKey, spec.container) : machineId(spec.ns.id), node: spec.ns.machine, netns: spec.ns.name, nsId: spec.ns.id,
    device: '', kind: 'proxy', text: spec.text, packet: arrived.packet, container: spec.container, table: spec.table,
    ...(spec.rule !== undefined ? { rule: spec.rule } : {}), proxy: spec.proxy,
  };
  const next: TraceLeg = { ...leg, hops: [...leg.hops, hop] };
  ex.legs[i] = next;
}
