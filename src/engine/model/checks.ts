// Checks that span fields or documents: CIDRs that overlap or are too small, two
// containers of a pod on one port, pods pinned to nodes that do not exist, duplicate names.
// Each error says which document, which object, which field and which line.
import { cidrsOverlap, isIPv4, isValidCidr, parseCidr, cidrContains, ipToInt, type Cidr } from '../lib/ip';
import type { ParsedDocs } from './normalise';
import { parsePortRange } from './port-range';
import { isPublicAddress } from '../lib/special-addresses';
import type { Scenario, ScenarioError } from './types';

interface Found { errors: ScenarioError[]; warnings: ScenarioError[] }

function checkCidrs(s: Scenario, parsed: ParsedDocs, out: Found): Cidr[] {
  const kc = parsed.clusters[0];
  const at = (field: string) => ({
    doc: kc?.doc ?? 0, object: kc ? 'Cluster' : undefined, field,
    line: kc?.line(field.split('.')) ?? 0,
  });
  const named: { field: string; text: string; what: string }[] = [
    { field: 'networking.podSubnet', text: s.cluster.podSubnet, what: 'podSubnet' },
    { field: 'networking.serviceSubnet', text: s.cluster.serviceSubnet, what: 'serviceSubnet' },
  ];
  const cidrs: { field: string; what: string; cidr: Cidr }[] = [];
  for (const n of named) {
    if (!isValidCidr(n.text)) {
      out.errors.push({ ...at(n.field), message: `${n.what} "${n.text}" is not an IPv4 CIDR like 10.244.0.0/16` });
      continue;
    }
    cidrs.push({ field: n.field, what: n.what, cidr: parseCidr(n.text) });
  }
  cidrs.push({ field: '', what: `the node network ${s.cluster.nodeSubnet}`, cidr: parseCidr(s.cluster.nodeSubnet) });
  for (let i = 0; i < cidrs.length; i++) {
    for (let j = i + 1; j < cidrs.length; j++) {
      const a = cidrs[i]!, b = cidrs[j]!;
      if (cidrsOverlap(a.cidr, b.cidr)) {
        const field = a.field || b.field;
        out.errors.push({ ...at(field), message: `${a.what} overlaps ${b.what}: every address must belong to one network` });
      }
    }
  }
  const pod = cidrs.find((c) => c.what === 'podSubnet');
  if (pod) {
    if (pod.cidr.prefix > 24) {
      out.errors.push({ ...at(pod.field), message: `podSubnet must be /24 or larger: each node takes a /24 from it` });
    } else if (2 ** (24 - pod.cidr.prefix) < s.cluster.nodes.length) {
      out.errors.push({ ...at(pod.field), message: `podSubnet ${s.cluster.podSubnet} holds ${2 ** (24 - pod.cidr.prefix)} node /24s, but the cluster has ${s.cluster.nodes.length} nodes` });
    }
  }
  const svc = cidrs.find((c) => c.what === 'serviceSubnet');
  if (svc && svc.cidr.prefix > 28) out.errors.push({ ...at(svc.field), message: 'serviceSubnet is too small: use /28 or larger' });
  if (s.cluster.nodes.length > 65000) out.errors.push({ ...at('nodes'), message: 'the node network 172.18.0.0/16 holds at most 65,000 nodes' });
  return cidrs.map((c) => c.cidr);
}

function checkOutsideHosts(s: Scenario, parsed: ParsedDocs, cluster: Cidr[], out: Found) {
  const sd = parsed.settings[0];
  const seen = new Map<string, string>();
  s.settings.outsideHosts.forEach((h, i) => {
    const at = { doc: sd?.doc ?? 0, object: 'Podpath', field: `spec.outsideHosts[${i}].ip`, line: sd?.line(['spec', 'outsideHosts', i, 'ip']) ?? 0 };
    if (!isIPv4(h.ip)) { out.errors.push({ ...at, message: `"${h.ip}" is not an IPv4 address` }); return; }
    const n = ipToInt(h.ip);
    if (cluster.some((c) => cidrContains(c, n))) out.errors.push({ ...at, message: `outside host ${h.name} (${h.ip}) sits inside the cluster's own address ranges` });
    const clash = seen.get(h.ip) ?? seen.get(`name:${h.name}`);
    if (clash) out.errors.push({ ...at, message: `outside host ${h.name} repeats the name or address of ${clash}` });
    seen.set(h.ip, h.name).set(`name:${h.name}`, h.name);
  });
}

/** The upstream resolver must be a public address: the docker host's DNS reaches it over the internet. */
function checkUpstreamDns(s: Scenario, parsed: ParsedDocs, out: Found) {
  const sd = parsed.settings[0];
  const text = sd?.value.spec.upstreamDNS;
  if (sd === undefined || text === undefined) return;
  if (isPublicAddress(text)) return;
  out.errors.push({
    doc: sd.doc, object: 'Podpath', field: 'spec.upstreamDNS', line: sd.line(['spec', 'upstreamDNS']),
    message: `"${text}" is not a public IPv4 address; the upstream resolver sits on the internet (for example 8.8.8.8 or 1.1.1.1)`,
  });
}

function checkPods(s: Scenario, out: Found) {
  const nodes = new Set(s.cluster.nodes.map((n) => n.name));
  const names = new Map<string, number>();
  for (const p of s.pods) {
    const obj = `Pod ${p.namespace}/${p.name}`;
    const key = `${p.namespace}/${p.name}`;
    const where = { doc: p.source.doc, object: obj, line: p.source.line };
    if (names.has(key)) out.errors.push({ ...where, field: 'metadata.name', message: `a pod named ${key} already exists (document ${names.get(key)})` });
    names.set(key, p.source.doc);
    if (p.nodeName !== undefined && !nodes.has(p.nodeName)) {
      out.errors.push({ ...where, field: 'spec.nodeName', message: `node "${p.nodeName}" does not exist; the nodes are ${[...nodes].join(', ')}` });
    }
    const containerNames = new Set<string>();
    const ports = new Map<string, string>();
    p.containers.forEach((c, ci) => {
      if (containerNames.has(c.name)) out.errors.push({ ...where, field: `spec.containers[${ci}].name`, message: `two containers are named "${c.name}"` });
      containerNames.add(c.name);
      c.ports.forEach((port, pi) => {
        const k = `${port.containerPort}/${port.protocol}`;
        const other = ports.get(k);
        if (other !== undefined) {
          out.errors.push({
            ...where, field: `spec.containers[${ci}].ports[${pi}].containerPort`,
            message: `containers "${other}" and "${c.name}" both use port ${k}: containers of one pod share one network namespace, so one port can have one listener`,
          });
        }
        ports.set(k, c.name);
      });
    });
    if (!s.namespaces.some((n) => n.name === p.namespace)) {
      out.warnings.push({ ...where, field: 'metadata.namespace', message: `namespace "${p.namespace}" is not declared; podpath creates it` });
    }
  }
}

/** kube-apiserver refuses to start with a --service-node-port-range it cannot read. */
function checkNodePortRange(parsed: ParsedDocs, out: Found) {
  const sd = parsed.settings[0];
  const text = sd?.value.spec.serviceNodePortRange;
  if (sd === undefined || text === undefined) return;
  const r = parsePortRange(text);
  if (r.ok) return;
  out.errors.push({
    doc: sd.doc, object: 'Podpath', field: 'spec.serviceNodePortRange', line: sd.line(['spec', 'serviceNodePortRange']),
    message: `invalid argument "${text}" for "--service-node-port-range": ${r.message} (write it like 30000-32767 or 30000+2767)`,
  });
}

export function checkScenario(s: Scenario, parsed: ParsedDocs): Found {
  const out: Found = { errors: [], warnings: [] };
  checkNodePortRange(parsed, out);
  const cluster = checkCidrs(s, parsed, out);
  checkOutsideHosts(s, parsed, cluster, out);
  checkUpstreamDns(s, parsed, out);
  checkPods(s, out);
  return out;
}
