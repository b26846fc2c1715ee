// The packet's headers at one hop as rows for the header panel, each marked when it differs
// from what the packet carried before: the hop's own `before` (a rewrite: NAT, TTL, MACs)
// or else the previous hop of the same leg. A tunnelled packet shows its outer headers first
// (outer Ethernet, outer IP with its size and DF, UDP and VXLAN's VNI, or IP-in-IP) and what
// they add, then the packet inside.
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

const bytes = (n: number | undefined) => (n === undefined ? '—' : `${n} bytes`);
const dfText = (df: boolean | undefined) => (df === undefined ? '—' : df ? 'set' : 'not set');

function fieldsOf(p: PacketView): Field[] {
  const l4 = p.proto.toUpperCase();
  const tunnelled = p.outer.length > 0;
  const eth = tunnelled ? 'Inner Ethernet' : 'Ethernet';
  const ip = tunnelled ? 'Inner IP' : 'IP';
  const fields: Field[] = [
    [eth, 'Source MAC', 'src', (q) => mac(q.srcMac)],
    [eth, 'Destination MAC', 'dst', (q) => mac(q.dstMac)],
    [ip, 'Source', 'src', (q) => q.src],
    [ip, 'Destination', 'dst', (q) => q.dst],
    [ip, 'TTL', 'other', (q) => String(q.ttl)],
    [ip, 'Protocol', 'other', (q) => q.proto.toUpperCase()],
  ];
  if (p.size !== undefined) fields.push([ip, 'Size', 'other', (q) => bytes(q.size)]);
  if (p.df !== undefined) fields.push([ip, 'DF', 'other', (q) => dfText(q.df)]);
  if (p.frag) fields.push([ip, 'Fragments', 'other', (q) => (q.frag ? `${q.frag.count}, the largest ${q.frag.size} bytes` : 'none')]);
  if (p.proto === 'icmp') {
    fields.push([l4, 'Message', 'other', (q) => q.flags || '—']);
    // An echo has an identifier and a sequence number where TCP and UDP have ports.
    if (p.icmp?.id !== undefined) fields.push([l4, 'Identifier', 'other', (q) => String(q.icmp?.id ?? '—')], [l4, 'Sequence', 'other', (q) => String(q.icmp?.seq ?? '—')]);
    // "fragmentation needed" carries the MTU of the link the router could not send on.
    if (p.icmp?.mtu !== undefined) fields.push([l4, 'Next-hop MTU', 'other', (q) => String(q.icmp?.mtu ?? '—')]);
  }
  else {
    fields.push([l4, 'Source port', 'src', (q) => String(q.sport)], [l4, 'Destination port', 'dst', (q) => String(q.dport)]);
    if (p.proto === 'tcp') fields.push([l4, 'Flags', 'other', (q) => q.flags || '—']);
    if (p.mss !== undefined) fields.push([l4, 'MSS', 'other', (q) => (q.mss === undefined ? '—' : String(q.mss))]);
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

type OuterField = readonly [layer: string, field: string, column: Column, read: (o: OuterHeader) => string];

/** The rows of one outer header: its Ethernet and IP headers, and UDP with VXLAN's VNI or the IP-in-IP protocol. */
function outerFieldsOf(o: OuterHeader, n: string): OuterField[] {
  const fields: OuterField[] = [];
  if (o.srcMac !== undefined || o.dstMac !== undefined) {
    fields.push([`Outer Ethernet${n}`, 'Source MAC', 'src', (h) => mac(h.srcMac ?? '')], [`Outer Ethernet${n}`, 'Destination MAC', 'dst', (h) => mac(h.dstMac ?? '')]);
  }
  const ip = `Outer IP${n}`;
  fields.push(
    [ip, 'Source', 'src', (h) => h.src], [ip, 'Destination', 'dst', (h) => h.dst], [ip, 'TTL', 'other', (h) => String(h.ttl)],
    [ip, 'Protocol', 'other', (h) => (h.proto === 'ipip' ? 'IP-in-IP (4)' : 'UDP')],
  );
  if (o.size !== undefined) fields.push([ip, 'Size', 'other', (h) => bytes(h.size)]);
  if (o.df !== undefined) fields.push([ip, 'DF', 'other', (h) => dfText(h.df)]);
  if (o.proto === 'udp') {
    const tunnel = o.kind === 'geneve' ? 'Geneve' : 'VXLAN';
    fields.push([`Outer UDP${n}`, 'Source port', 'src', (h) => String(h.sport ?? '—')], [`Outer UDP${n}`, 'Destination port', 'dst', (h) => String(h.dport ?? '—')]);
    fields.push([`${tunnel}${n}`, 'VNI', 'other', (h) => String(h.vni ?? '—')]);
    if (o.bytes !== undefined) fields.push([`${tunnel}${n}`, 'Overhead', 'other', (h) => `adds ${bytes(h.bytes)}`]);
  } else if (o.bytes !== undefined) {
    fields.push([ip, 'Overhead', 'other', (h) => `adds ${bytes(h.bytes)}`]);
  }
  return fields;
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
  const outerRows: HeaderRow[] = [];
  p.outer.forEach((o, i) => {
    const was = base?.outer[i];
    for (const [layer, field, column, read] of outerFieldsOf(o, p.outer.length > 1 ? ` ${i + 1}` : '')) {
      const value = read(o);
      // An outer header this hop added: every field is new.
      const old = base ? (was ? read(was) : '—') : undefined;
      const changed = old !== undefined && old !== value;
      outerRows.push({ layer, field, column, value, changed, ...(changed && step.hop.before && was ? { before: old } : {}) });
    }
  });
  const removed = (base?.outer ?? []).slice(p.outer.length);
  if (p.outer.length === 0) {
    rows.push(removed.length > 0
      ? { layer: 'Outer', field: 'Encapsulation', column: 'other', value: `removed (${removed.map(outerText).join('; ')})`, changed: true }
      : { layer: 'Outer', field: 'Encapsulation', column: 'other', value: 'none', changed: false });
  }
  return [...outerRows, ...rows];
}
