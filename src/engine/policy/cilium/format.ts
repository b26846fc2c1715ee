// What Cilium's tools print about policy: `cilium-dbg policy get` (the repository's rules as
// indented JSON, then "Revision: N"), `cilium-dbg bpf policy get <endpoint>` (the endpoint's
// policy map), and the line `cilium-dbg monitor --type drop` prints for a denied packet
// (the form without the ifindex and bpf source line newer releases add).
import type { Direction } from '../evaluate';
import type { CiliumPolicy, MapEntry } from './policymap';
import type { CiliumPeerRule, CiliumRule } from './translate';

function peerJson(r: CiliumPeerRule, dir: Direction): Record<string, unknown> {
  const from = dir === 'ingress';
  return {
    ...(r.endpoints ? { [from ? 'fromEndpoints' : 'toEndpoints']: r.endpoints } : {}),
    ...(r.cidrSet ? { [from ? 'fromCIDRSet' : 'toCIDRSet']: r.cidrSet } : {}),
    ...(r.toPorts ? { toPorts: r.toPorts } : {}),
  };
}

/** api.Rule's JSON, fields in the struct's order. */
export function ruleJson(r: CiliumRule): Record<string, unknown> {
  return {
    endpointSelector: r.endpointSelector,
    ...(r.ingress.length > 0 ? { ingress: r.ingress.map((x) => peerJson(x, 'ingress')) } : {}),
    ...(r.egress.length > 0 ? { egress: r.egress.map((x) => peerJson(x, 'egress')) } : {}),
    labels: r.labels,
    enableDefaultDeny: { ingress: r.ingress.length > 0, egress: r.egress.length > 0 },
  };
}

/** `cilium-dbg policy get`: every rule, then the repository's revision (one per policy added, after the first). */
export function formatPolicyGet(p: CiliumPolicy): string {
  return `${JSON.stringify(p.rules.map(ruleJson), null, 2)}\nRevision: ${p.rules.length + 1}\n`;
}

function labelsOf(p: CiliumPolicy, id: number): string[] {
  if (id === 0) return ['ANY'];
  const reserved = (['host', 'world', 'remote-node'] as const).find((n) => p.ids.reserved(n).id === id);
  if (reserved) return [`reserved:${reserved}`];
  const ident = p.ids.all().find((i) => i.id === id);
  return ident ? Object.keys(ident.labels).sort().map((k) => `${k}=${ident.labels[k]}`) : [String(id)];
}

const portText = (e: MapEntry) => (e.protocol === 'ANY' ? 'ANY' : `${e.port === 0 ? 'ANY' : e.endPort ? `${e.port}-${e.endPort}` : e.port}/${e.protocol}`);

/** `cilium-dbg bpf policy get <id>`: one row per map entry (counters stay 0: podpath counts nothing). */
export function formatBpfPolicyGet(p: CiliumPolicy, podKey: string, endpoint: number): string {
  const rows: string[][] = [['POLICY', 'DIRECTION', 'LABELS (source:key[=value])', 'PORT/PROTO', 'PROXY PORT', 'AUTH TYPE', 'BYTES', 'PACKETS']];
  const lines: string[][][] = [];
  for (const dir of ['ingress', 'egress'] as const) {
    const ep = p.endpoint(podKey, dir);
    const entries = ep.enforced ? ep.entries : [{ identity: 0, protocol: 'ANY', port: 0 } as MapEntry];
    for (const e of entries) {
      const labels = e.cidr ? [`cidr:${e.cidr.cidr}`] : labelsOf(p, e.identity);
      lines.push(labels.map((l, i) => (i === 0 ? ['Allow', dir === 'ingress' ? 'Ingress' : 'Egress', l, portText(e), 'NONE', 'disabled', '0', '0'] : ['', '', l, '', '', '', '', ''])));
    }
  }
  const all = [...rows, ...lines.flat()];
  const widths = rows[0]!.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const text = all.map((r) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c]! + 3))).join('').trimEnd());
  return `Endpoint ID: ${endpoint}\nPath: /sys/fs/bpf/tc/globals/cilium_policy_${String(endpoint).padStart(5, '0')}\n\n${text.join('\n')}\n`;
}

/** The monitor's drop notification: to which endpoint (0 when the drop is on egress), identities, the packet. */
export function formatDropLine(toEndpoint: number, srcId: number, dstId: number, pkt: { src: string; sport: number; dst: string; dport: number; proto: string; flags: string }): string {
  return `xx drop (Policy denied) flow 0x0 to endpoint ${toEndpoint}, identity ${srcId}->${dstId}: ${pkt.src}:${pkt.sport} -> ${pkt.dst}:${pkt.dport} ${pkt.proto} ${pkt.flags}`;
}
