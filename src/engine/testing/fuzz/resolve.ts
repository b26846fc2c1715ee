// Turns a generated send (indexes into whatever the cluster has) into a SendSpec the engine
// understands: `POD`, `node:NAME`, `external:IP`, `svc:NS/NAME`, `lb:NS/NAME` or an address.
import type { Cluster } from '../../cluster/types';
import type { SendSpec } from '../../stack/simulate';
import type { FuzzSend } from './model';

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

function source(c: Cluster, s: FuzzSend): Pick<SendSpec, 'from' | 'container'> {
  if (s.from.kind === 'pod') {
    const pod = pick(c.pods, s.from.index);
    if (pod) return { from: pod.key, container: pick(pod.spec.containers, s.from.container)?.name };
  }
  if (s.from.kind === 'outside') {
    const h = pick(c.outside, s.from.index);
    if (h) return { from: `external:${h.ip}` };
  }
  return { from: `node:${pick(c.nodes, s.from.index)!.name}` };
}

export function resolveSend(c: Cluster, s: FuzzSend): SendSpec {
  const src = source(c, s);
  const svc = pick(c.services, s.to.index);
  const lbs = c.services.filter((x) => x.loadBalancerIP);
  let to: string;
  switch (s.to.kind) {
    case 'pod': to = pick(c.pods, s.to.index)?.key ?? s.to.address ?? '8.8.8.8'; break;
    case 'service': to = svc ? `svc:${svc.key}` : '10.96.0.1'; break;
    case 'lb': to = pick(lbs, s.to.index) ? `lb:${pick(lbs, s.to.index)!.key}` : svc ? `svc:${svc.key}` : '8.8.8.8'; break;
    case 'node': to = `node:${pick(c.nodes, s.to.index)!.name}`; break;
    case 'outside': to = pick(c.outside, s.to.index) ? `external:${pick(c.outside, s.to.index)!.ip}` : `external:${s.to.address ?? '8.8.8.8'}`; break;
    case 'clusterIP': to = svc?.clusterIP ?? s.to.address ?? '10.96.0.1'; break;
    case 'address': to = s.to.address ?? '8.8.8.8'; break;
  }
  const target = s.to.kind === 'lb' ? pick(lbs, s.to.index) ?? svc : svc;
  const sp = target ? pick(target.ports, s.port.index) : undefined;
  let port = s.port.any;
  let proto = s.proto;
  switch (s.port.kind) {
    case 'service': if (sp) { port = sp.port; if (proto !== 'icmp') proto = sp.protocol === 'UDP' ? 'udp' : 'tcp'; } break;
    case 'target': if (sp && typeof sp.targetPort === 'number') port = sp.targetPort; break;
    case 'node': if (sp && sp.nodePort > 0) port = sp.nodePort; break;
    case 'any': break;
  }
  return { ...src, to, proto, ...(proto === 'icmp' ? {} : { port }), ...(s.seed !== undefined ? { seed: s.seed } : {}) };
}
