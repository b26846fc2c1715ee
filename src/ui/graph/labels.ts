// Short texts drawn on graph elements, from the topology's structured facts.
import type { TopoElement } from '../../engine';

/** "80/TCP +1": the first port, and how many more. */
export function portsText(ports: TopoElement['ports']): string {
  const first = ports?.[0];
  if (!first) return 'no ports';
  return ports.length > 1 ? `${first.port}/${first.protocol} +${ports.length - 1}` : `${first.port}/${first.protocol}`;
}

/** Every port, "80/TCP · 443/TCP". */
export function allPortsText(ports: TopoElement['ports']): string {
  // A Service port reads "80→8080/TCP" (and ":31540" for its node port) when it goes elsewhere on the pods.
  return (ports ?? []).map((p) => {
    const target = p.targetPort !== undefined && p.targetPort !== p.port ? `→${p.targetPort}` : '';
    const node = p.nodePort ? ` :${p.nodePort}` : '';
    return `${p.port}${target}/${p.protocol}${node}`;
  }).join(' · ');
}

/** The first address an element has ("10.244.1.1/24" on an interface, "10.96.0.10" on a Service). */
export function firstAddress(el: TopoElement): string | undefined {
  return el.addresses?.[0];
}
