// The packet's headers at one hop as rows for the header panel, each marked when it differs
// from what the packet carried before: the hop's own `before` (a rewrite: NAT, TTL, MACs)
// or else the previous hop of the same leg.
import type { OuterHeader, PacketView } from '../../engine';
import type { Step } from '../../store';

/** Where the panel shows a field: with the sources, the destinations, or the rest. */
export type Column = 'src' | 'dst' | 'other';

export interface HeaderRow {
  readonly layer: string;
  readonly field: string;
  readonly column: Column;
  readonly value: string;
  /** What the field held before this hop, when this hop rewrote it. */
  readonly before?: string;
  readonly changed: boolean;
}

const mac = (m: string) => m || 'not set yet';
const hex = (n: number) => `0x${n.toString(16)}`;

type Field = readonly [layer: string, field: string, column: Column, read: (p: PacketView) => string];

function fieldsOf(p: PacketView): Field[] {
  const l4 = p.proto.toUpperCase();
  const fields: Field[] = [
    ['Ethernet', 'Source MAC', 'src', (q) => mac(q.srcMac)],
    ['Ethernet', 'Destination MAC', 'dst', (q) => mac(q.dstMac)],
    ['IP', 'Source', 'src', (q) => q.src],
    ['IP', 'Destination', 'dst', (q) => q.dst],
    ['IP', 'TTL', 'other', (q) => String(q.ttl)],
    ['IP', 'Protocol', 'other', (q) => q.proto.toUpperCase()],
  ];
  if (p.proto === 'icmp') {
    fields.push([l4, 'Message', 'other', (q) => q.flags || '—']);
    // An echo has an identifier and a sequence number where TCP and UDP have ports.
    if (p.icmp?.id !== undefined) fields.push([l4, 'Identifier', 'other', (q) => String(q.icmp?.id ?? '—')], [l4, 'Sequence', 'other', (q) => String(q.icmp?.seq ?? '—')]);
  }
  else {
    fields.push([l4, 'Source port', 'src', (q) => String(q.sport)], [l4, 'Destination port', 'dst', (q) => String(q.dport)]);
    if (p.proto === 'tcp') fields.push([l4, 'Flags', 'other', (q) => q.flags || '—']);
  }
  fields.push(['Mark', 'fwmark', 'other', (q) => hex(q.mark)]);
  if (p.payload) fields.push(['Data', payloadLayer(p), 'other', (q) => payloadText(q)]);
  return fields;
}

function payloadLayer(p: PacketView): string {
  switch (p.payload?.kind) {
    case 'dns': return p.payload.response ? 'DNS answer' : 'DNS query';
    case 'http': return p.payload.response ? 'HTTP response' : 'HTTP request';
    default: return 'Payload';
  }
}

/** What an application put in the packet, in a line: the DNS question and its answers, the HTTP request line or status. */
function payloadText(p: PacketView): string {
  const pl = p.payload;
  if (!pl) return '—';
  switch (pl.kind) {
    case 'dns': {
      const q = `${pl.question.name} ${pl.question.type} (id ${pl.id})`;
      if (!pl.response) return q;
      const r = pl.response;
      return `${q}: ${r.rcode}${r.answers.length ? ` ${r.answers.map((a) => `${a.type} ${a.data}`).join(', ')}` : ''}`;
    }
    case 'http':
      if (pl.response) return `${pl.tls ? '(TLS) ' : ''}HTTP/1.1 ${pl.response.status} ${pl.response.reason}`;
      return pl.request ? `${pl.tls ? '(TLS) ' : ''}${pl.request.method} ${pl.request.path} HTTP/1.1, Host: ${pl.request.host}` : '—';
    case 'data': return pl.summary;
  }
}

function outerText(o: OuterHeader): string {
  const ports = o.sport !== undefined ? ` ${o.sport} → ${o.dport}` : '';
  const vni = o.vni !== undefined ? ` VNI ${o.vni}` : '';
  return `${o.kind}: ${o.src} → ${o.dst} ${o.proto.toUpperCase()}${ports}${vni} TTL ${o.ttl}`;
}

export function headerRows(step: Step): HeaderRow[] {
  const p = step.hop.packet;
  const base = step.hop.before ?? step.prev?.packet;
  const rows: HeaderRow[] = fieldsOf(p).map(([layer, field, column, read]) => {
    const value = read(p);
    const old = base && read(base);
    const changed = old !== undefined && old !== value;
    return { layer, field, column, value, changed, ...(changed && step.hop.before ? { before: old } : {}) };
  });
  const outers = p.outer.map(outerText);
  const oldOuters = base?.outer.map(outerText) ?? [];
  const count = Math.max(outers.length, oldOuters.length);
  if (count === 0) rows.push({ layer: 'Outer', field: 'Encapsulation', column: 'other', value: 'none', changed: false });
  for (let i = 0; i < count; i++) {
    const value = outers[i] ?? 'removed';
    const old = base ? oldOuters[i] ?? 'none' : undefined;
    const changed = old !== undefined && old !== value;
    rows.push({ layer: 'Outer', field: `Header ${i + 1}`, column: 'other', value, changed, ...(changed && step.hop.before ? { before: old } : {}) });
  }
  return rows;
}
