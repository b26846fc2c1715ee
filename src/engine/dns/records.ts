// The cluster's DNS zone as CoreDNS's kubernetes plugin serves it (plugin/kubernetes:
// findServices, findPods, serviceRecordForIP; plugin/backend_lookup.go: A, SRV, PTR, SOA),
// with kubeadm's Corefile (`kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure;
// fallthrough in-addr.arpa ip6.arpa; ttl 30 }`) and the Kubernetes DNS specification:
//   <svc>.<ns>.svc.cluster.local      A: the ClusterIP; headless: one A per ready endpoint
//   <ep>.<svc>.<ns>.svc.cluster.local A: an endpoint by hostname (or its dashed address)
//   _<port>._<proto>.<svc>.<ns>.svc   SRV for each named port (unnamed ports get none)
//   <a-b-c-d>.<ns>.pod.cluster.local  A: any address, unchecked ("pods insecure")
//   ExternalName                      CNAME to the external name
//   d.c.b.a.in-addr.arpa              PTR for ClusterIPs and endpoint addresses; others fall through
// Names that do not exist are NXDOMAIN with the zone's SOA; names that exist with no record
// of the asked type are NODATA (NOERROR, no answer, the SOA). Matching is case-insensitive.
import type { Cluster } from '../cluster/types';
import type { DnsRecord, DnsRcode, DnsType } from '../trace/types';
import { SIM_EPOCH_SECONDS } from '../lib/clock';
import type { EndpointModel, ServiceModel } from '../services/types';

export const CLUSTER_DOMAIN = 'cluster.local';
/** kubeadm's Corefile sets `ttl 30` in the kubernetes block. */
export const CLUSTER_TTL = 30;

export interface ZoneAnswer {
  readonly rcode: DnsRcode;
  readonly answers: readonly DnsRecord[];
  readonly authority: readonly DnsRecord[];
  readonly additional: readonly DnsRecord[];
  /** An ExternalName's target, which CoreDNS resolves further through its own chain. */
  readonly chase?: string;
}

const fq = (name: string) => (name.endsWith('.') ? name : `${name}.`);

/** The zone's SOA, as CoreDNS writes it: ns.dns.<zone> hostmaster.<zone> <serial> 7200 1800 86400 <ttl>. */
export function soa(zone: string): DnsRecord {
  return { name: fq(zone), ttl: CLUSTER_TTL, type: 'SOA', data: `ns.dns.${fq(zone)} hostmaster.${fq(zone)} ${SIM_EPOCH_SECONDS} 7200 1800 86400 ${CLUSTER_TTL}` };
}

const NXDOMAIN = (zone: string): ZoneAnswer => ({ rcode: 'NXDOMAIN', answers: [], authority: [soa(zone)], additional: [] });
const NODATA = (zone: string): ZoneAnswer => ({ rcode: 'NOERROR', answers: [], authority: [soa(zone)], additional: [] });
const ok = (answers: DnsRecord[], additional: DnsRecord[] = []): ZoneAnswer => ({ rcode: 'NOERROR', answers, authority: [], additional });

/** Whether CoreDNS's kubernetes plugin is authoritative for a name (cluster.local and the reverse zones it answers). */
export function inClusterZone(name: string): boolean {
  const n = fq(name).toLowerCase();
  return n === `${CLUSTER_DOMAIN}.` || n.endsWith(`.${CLUSTER_DOMAIN}.`);
}

function namespaces(cluster: Cluster): Set<string> {
  const out = new Set(cluster.scenario.namespaces.map((n) => n.name));
  for (const p of cluster.pods) out.add(p.spec.namespace);
  for (const s of cluster.services) out.add(s.namespace);
  return out;
}

const dashed = (ip: string) => ip.replace(/\./g, '-');
const svcName = (s: ServiceModel) => `${s.name}.${s.namespace}.svc.${CLUSTER_DOMAIN}.`;

/** The hostname the EndpointSlice controller gives an endpoint: the pod's spec.hostname when its subdomain names the Service. */
function endpointHostname(cluster: Cluster, svc: ServiceModel, e: EndpointModel): string {
  const pod = e.podKey ? cluster.pod(e.podKey) : undefined;
  if (pod?.spec.hostname && pod.spec.subdomain === svc.name) return pod.spec.hostname;
  return dashed(e.ip);
}

const readyEndpoints = (cluster: Cluster, svc: ServiceModel) => (cluster.endpoints.get(svc.key)?.endpoints ?? []).filter((e) => e.ready);
const isHeadless = (s: ServiceModel) => s.type !== 'ExternalName' && s.clusterIP === null;

function addressAnswer(cluster: Cluster, svc: ServiceModel, name: string, type: DnsType, endpoint?: string): ZoneAnswer | undefined {
  if (svc.type === 'ExternalName') {
    if (endpoint !== undefined || !svc.externalName) return undefined;
    return { ...ok([{ name, ttl: CLUSTER_TTL, type: 'CNAME', data: fq(svc.externalName) }]), chase: fq(svc.externalName) };
  }
  let ips: string[];
  if (isHeadless(svc) || endpoint !== undefined) {
    const eps = readyEndpoints(cluster, svc).filter((e) => endpoint === undefined || endpointHostname(cluster, svc, e) === endpoint);
    if (eps.length === 0) return undefined;
    ips = [...new Set(eps.map((e) => e.ip))];
  } else {
    ips = [svc.clusterIP!];
  }
  if (type !== 'A' && type !== 'ANY') return NODATA(CLUSTER_DOMAIN);
  return ok(ips.map((ip) => ({ name, ttl: CLUSTER_TTL, type: 'A', data: ip })));
}

function srvAnswer(cluster: Cluster, svc: ServiceModel, name: string, port: string, proto: string): ZoneAnswer | undefined {
  const ports = svc.ports.filter((p) => p.name !== '' && p.name === port && p.protocol.toLowerCase() === proto);
  if (ports.length === 0 || svc.type === 'ExternalName') return undefined;
  const records: DnsRecord[] = [];
  const extra: DnsRecord[] = [];
  if (isHeadless(svc)) {
    const eps = readyEndpoints(cluster, svc);
    for (const p of ports) {
      for (const e of eps) {
        const target = `${endpointHostname(cluster, svc, e)}.${svcName(svc)}`;
        const portNo = e.ports.get(p.name) ?? p.port;
        records.push({ name, ttl: CLUSTER_TTL, type: 'SRV', data: `0 WEIGHT ${portNo} ${target}` });
        extra.push({ name: target, ttl: CLUSTER_TTL, type: 'A', data: e.ip });
      }
    }
  } else {
    for (const p of ports) records.push({ name, ttl: CLUSTER_TTL, type: 'SRV', data: `0 WEIGHT ${p.port} ${svcName(svc)}` });
    extra.push({ name: svcName(svc), ttl: CLUSTER_TTL, type: 'A', data: svc.clusterIP! });
  }
  if (records.length === 0) return undefined;
  // backend_lookup.go: records of one priority share a weight of 100 (at least 1 each).
  const weight = Math.max(1, Math.floor(100 / records.length));
  return ok(records.map((r) => ({ ...r, data: r.data.replace('WEIGHT', String(weight)) })), extra);
}

/** PTR for a ClusterIP, else for every Service the address is an endpoint of; undefined to fall through. */
function ptrAnswer(cluster: Cluster, name: string): ZoneAnswer | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.$/i.exec(name);
  if (!m) return undefined;
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  const svc = cluster.services.find((s) => s.clusterIP === ip);
  if (svc) return ok([{ name, ttl: CLUSTER_TTL, type: 'PTR', data: svcName(svc) }]);
  const out: DnsRecord[] = [];
  for (const s of cluster.services) {
    for (const e of cluster.endpoints.get(s.key)?.endpoints ?? []) {
      if (e.ip === ip) out.push({ name, ttl: CLUSTER_TTL, type: 'PTR', data: `${endpointHostname(cluster, s, e)}.${svcName(s)}` });
    }
  }
  return out.length > 0 ? ok(out) : undefined;
}

/**
 * CoreDNS's answer for a name in its zones, or 'fallthrough' when the kubernetes plugin
 * passes it on (reverse lookups of addresses it does not know) to the forward plugin.
 */
export function clusterAnswer(cluster: Cluster, qname: string, type: DnsType): ZoneAnswer | 'fallthrough' {
  const name = fq(qname).toLowerCase();
  if (name.endsWith('.in-addr.arpa.')) {
    if (type !== 'PTR' && type !== 'ANY') return 'fallthrough';
    return ptrAnswer(cluster, name) ?? 'fallthrough';
  }
  if (!inClusterZone(name)) return 'fallthrough';
  const labels = name.slice(0, -(CLUSTER_DOMAIN.length + 2)).split('.').filter((l) => l !== '');
  const nss = namespaces(cluster);
  if (labels.length === 0) {
    if (type === 'SOA') return ok([soa(CLUSTER_DOMAIN)]);
    if (type === 'NS') return ok([{ name, ttl: CLUSTER_TTL, type: 'NS', data: `ns.dns.${CLUSTER_DOMAIN}.` }]);
    return NODATA(CLUSTER_DOMAIN);
  }
  if (labels.length === 1 && labels[0] === 'dns-version') {
    return type === 'TXT' || type === 'ANY' ? ok([{ name, ttl: CLUSTER_TTL, type: 'TXT', data: '"1.1.0"' }]) : NODATA(CLUSTER_DOMAIN);
  }
  const kind = labels[labels.length - 1];
  const rest = labels.slice(0, -1);
  if (kind !== 'svc' && kind !== 'pod') return NXDOMAIN(CLUSTER_DOMAIN);
  if (rest.length === 0) return NODATA(CLUSTER_DOMAIN);
  const ns = rest[rest.length - 1]!;
  if (!nss.has(ns)) return NXDOMAIN(CLUSTER_DOMAIN);
  if (rest.length === 1) return NODATA(CLUSTER_DOMAIN);
  if (kind === 'pod') {
    // pods insecure: any dashed IPv4 address in an existing namespace answers, checked against nothing.
    if (rest.length !== 2 || !/^\d{1,3}(-\d{1,3}){3}$/.test(rest[0]!) || rest[0]!.split('-').some((o) => Number(o) > 255)) return NXDOMAIN(CLUSTER_DOMAIN);
    return type === 'A' || type === 'ANY' ? ok([{ name, ttl: CLUSTER_TTL, type: 'A', data: rest[0]!.replace(/-/g, '.') }]) : NODATA(CLUSTER_DOMAIN);
  }
  const svcLabel = rest[rest.length - 2]!;
  const svc = cluster.service(`${ns}/${svcLabel}`);
  if (!svc) return NXDOMAIN(CLUSTER_DOMAIN);
  const prefix = rest.slice(0, -2);
  if (prefix.length === 0) return addressAnswer(cluster, svc, name, type) ?? NXDOMAIN(CLUSTER_DOMAIN);
  if (prefix.length === 1 && !prefix[0]!.startsWith('_')) return addressAnswer(cluster, svc, name, type, prefix[0]) ?? NXDOMAIN(CLUSTER_DOMAIN);
  if (prefix.length === 2 && prefix[0]!.startsWith('_') && prefix[1]!.startsWith('_')) {
    const srv = srvAnswer(cluster, svc, name, prefix[0]!.slice(1), prefix[1]!.slice(1));
    if (!srv) return NXDOMAIN(CLUSTER_DOMAIN);
    return type === 'SRV' || type === 'ANY' ? srv : NODATA(CLUSTER_DOMAIN);
  }
  return NXDOMAIN(CLUSTER_DOMAIN);
}
