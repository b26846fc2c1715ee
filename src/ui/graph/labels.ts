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
  return (ports ?? []).map((p) => `${p.port}/${p.protocol}`).join(' · ');
}

/** The first address an element has ("10.244.1.1/24" on an interface, "10.96.0.10" on a Service). */
export function firstAddress(el: TopoElement): string | undefined {
  return el.addresses?.[0];
}
