// The API server's part: default each Service, validate it as the API would, and allocate
// what the user did not give: a ClusterIP from the service subnet (the dynamic band above
// the first 256 addresses, as KEP-3070 allocates), node ports and health check node ports
// from --service-node-port-range (30000-32767 unless the Podpath settings say otherwise;
// above the static band, KEP-3668), and, for LoadBalancer Services, an address from the
// cloud load balancer's pool. Allocation is hash-based per Service, so adding one Service
// never moves another.
import { cidrContains, cidrSize, intToIp, ipToInt, isValidCidr, type Cidr } from '../lib/ip';
import { fnv32a } from '../lib/hash';
import type { Scenario, ScenarioError, StoredManifest } from '../model/types';
import type { ServiceDoc } from '../model/schemas';
import { builtInOwners, builtInServices, specLeftOut } from './built-in';
import { NodePortAllocator } from './node-ports';
import { portRangeText } from '../model/port-range';
import { lineAt } from '../model/locate';
import type { ServiceModel, ServicePortModel } from './types';


/** The cloud's pool for load balancer addresses (documentation range, beside the gateway). */
export const LB_POOL_FIRST = ipToInt('192.0.2.100');
export const LB_POOL_LAST = ipToInt('192.0.2.254');
export const DEFAULT_AFFINITY_SECONDS = 10800;

function probe(start: number, size: number, used: Set<number>, base: number): number | undefined {
  for (let i = 0; i < size; i++) {
    const v = base + ((start + i) % size);
    if (!used.has(v)) return v;
  }
  return undefined;
}

interface Pending { m: StoredManifest; doc: ServiceDoc }

export function buildServices(s: Scenario, serviceCidr: Cidr): { services: ServiceModel[]; errors: ScenarioError[] } {
  const errors: ScenarioError[] = [];
  const size = cidrSize(serviceCidr);
  const usedIps = new Set<number>([serviceCidr.net, serviceCidr.net + size - 1]);
  const nodePorts = new NodePortAllocator(s.settings.serviceNodePortRange);
  const usedLb = new Set<number>();
  usedIps.add(serviceCidr.net + 1).add(serviceCidr.net + 10);
  const builtIn = builtInOwners(s.settings.systemPods);
  const addedLabels = new Map<string, Record<string, string>>();

  const all: Pending[] = s.services.map((m) => ({ m, doc: m.body as unknown as ServiceDoc }));
  const err = (p: Pending, field: string | undefined, message: string) =>
    errors.push({ doc: p.m.source.doc, line: lineAt(p.m.source.fields, field ?? '', p.m.source.line), object: `Service ${p.m.namespace}/${p.m.name}`, field, message });

  // Pass 1: validate and reserve what the user gave.
  const seen = new Set<string>();
  const pending: Pending[] = [];
  for (const p of all) {
    const spec = p.doc.spec;
    const key = `${p.m.namespace}/${p.m.name}`;
    if (seen.has(key)) err(p, 'metadata.name', `a Service named ${key} already exists`);
    seen.add(key);
    const owner = builtIn.get(key);
    if (owner !== undefined) {
      if (specLeftOut(p.doc)) addedLabels.set(key, { ...addedLabels.get(key), ...p.doc.metadata.labels });
      else err(p, 'spec', `${key} is ${owner}'s own Service and keeps its spec; a document for it may only change metadata (labels, annotations), as kubectl label would`);
      continue;
    }
    pending.push(p);
    if (spec.type !== 'ExternalName' && spec.ports.length === 0) err(p, 'spec.ports', 'a Service needs at least one port');
    if (spec.ports.length > 1) {
      spec.ports.forEach((port, i) => { if (!port.name) err(p, `spec.ports[${i}].name`, 'when a Service has more than one port, every port needs a name'); });
    }
    const names = new Set<string>();
    const pp = new Set<string>();
    spec.ports.forEach((port, i) => {
      if (port.name) { if (names.has(port.name)) err(p, `spec.ports[${i}].name`, `two ports are named "${port.name}"`); names.add(port.name); }
      const k = `${port.port}/${port.protocol}`;
      if (pp.has(k)) err(p, `spec.ports[${i}].port`, `port ${k} appears twice`);
      pp.add(k);
      if (port.nodePort !== undefined) {
        if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') err(p, `spec.ports[${i}].nodePort`, 'nodePort may only be set on NodePort and LoadBalancer Services');
        else {
          const refused = nodePorts.reserve(port.nodePort, port.protocol);
          if (refused !== undefined) err(p, `spec.ports[${i}].nodePort`, refused);
        }
      }
    });
    const ip = spec.clusterIP;
    if (ip && ip !== 'None') {
      if (!cidrContains(serviceCidr, ipToInt(ip))) err(p, 'spec.clusterIP', `${ip} is not in the service subnet ${intToIp(serviceCidr.net)}/${serviceCidr.prefix}`);
      else if (usedIps.has(ipToInt(ip))) err(p, 'spec.clusterIP', `provided IP is already allocated: ${ip}`);
      else usedIps.add(ipToInt(ip));
    }
    if (ip === 'None' && spec.type !== 'ClusterIP') err(p, 'spec.clusterIP', 'clusterIP "None" (headless) only goes with type ClusterIP');
    const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.externalIPs.length > 0;
    if (spec.externalTrafficPolicy !== undefined && !external) err(p, 'spec.externalTrafficPolicy', 'may only be set for externally-accessible Services (NodePort, LoadBalancer or with externalIPs)');
    if (spec.healthCheckNodePort !== undefined && !(spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local')) err(p, 'spec.healthCheckNodePort', 'may only be set for LoadBalancer Services with externalTrafficPolicy Local');
    else if (spec.healthCheckNodePort !== undefined) {
      const refused = nodePorts.reserve(spec.healthCheckNodePort, 'TCP');
      if (refused !== undefined) err(p, 'spec.healthCheckNodePort', `failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${refused}`);
    }
    if (spec.loadBalancerSourceRanges.length > 0 && spec.type !== 'LoadBalancer') err(p, 'spec.loadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'");
    // The API allows the ranges to be space-padded (a leftover of the old annotation).
    spec.loadBalancerSourceRanges.forEach((r, i) => { if (!isValidCidr(r.trim())) err(p, `spec.loadBalancerSourceRanges[${i}]`, `"${r}" is not a CIDR`); });
    const lbIp = p.doc.status?.loadBalancer?.ingress?.[0]?.ip ?? spec.loadBalancerIP;
    if (lbIp) usedLb.add(ipToInt(lbIp));
    if (spec.type === 'ExternalName' && !spec.externalName) err(p, 'spec.externalName', 'an ExternalName Service needs spec.externalName');
  }
  if (errors.length > 0) return { services: [], errors };

  // Pass 2: allocate, in a stable order. calculateRangeOffset() of the API server's allocator:
  // a range of 16 addresses or fewer has no static band.
  const dynamicIpBand = size <= 16 ? 1 : Math.min(Math.max(16, Math.floor(size / 16)), 256);
  const services: ServiceModel[] = [];
  const keyOf = (p: Pending) => `${p.m.namespace}/${p.m.name}`;
  for (const p of [...pending].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))) {
    const spec = p.doc.spec;
    const key = `${p.m.namespace}/${p.m.name}`;
    let clusterIP: string | null = null;
    if (spec.type !== 'ExternalName') {
      if (spec.clusterIP === 'None') clusterIP = null;
      else if (spec.clusterIP) clusterIP = spec.clusterIP;
      else {
        const span = size - dynamicIpBand - 1;
        const hash = fnv32a(`clusterip/${key}`);
        // The dynamic band first; when it is full, the allocator falls back to the static band below it.
        const v = probe(hash % span, span, usedIps, serviceCidr.net + dynamicIpBand) ?? probe(hash % dynamicIpBand, dynamicIpBand, usedIps, serviceCidr.net);
        if (v === undefined) { err(p, 'spec.clusterIP', 'the service subnet is full'); continue; }
        usedIps.add(v);
        clusterIP = intToIp(v);
      }
    }
    const wantsNodePort = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
    let full = false;
    const allocPort = (seed: string, protocol: string): number => {
      const v = nodePorts.allocate(seed, protocol);
      if (v === undefined) full = true;
      return v ?? 0;
    };
    const ports: ServicePortModel[] = spec.ports.map((port) => ({
      name: port.name ?? '', protocol: port.protocol, port: port.port, targetPort: port.targetPort ?? port.port,
      nodePort: wantsNodePort ? (port.nodePort ?? allocPort(`nodeport/${key}/${port.name ?? ''}/${port.protocol}`, port.protocol)) : 0,
    }));
    const etp = spec.externalTrafficPolicy ?? 'Cluster';
    const hcnp = spec.type === 'LoadBalancer' && etp === 'Local' ? (spec.healthCheckNodePort ?? allocPort(`hcnp/${key}`, 'TCP')) : 0;
    if (full) { err(p, 'spec.ports', `failed to allocate a nodePort: the range ${portRangeText(nodePorts.range)} is full`); continue; }
    let lbIp: string | undefined;
    if (spec.type === 'LoadBalancer') {
      lbIp = p.doc.status?.loadBalancer?.ingress?.[0]?.ip ?? spec.loadBalancerIP;
      if (!lbIp) {
        const span = LB_POOL_LAST - LB_POOL_FIRST + 1;
        const v = probe(0, span, usedLb, LB_POOL_FIRST);
        if (v === undefined) { err(p, 'status.loadBalancer', 'the cloud load balancer pool is exhausted'); continue; }
        usedLb.add(v);
        lbIp = intToIp(v);
      }
    }
    services.push({
      key, namespace: p.m.namespace, name: p.m.name, labels: p.doc.metadata.labels ?? {}, type: spec.type, clusterIP,
      selector: spec.selector, ports, externalIPs: spec.externalIPs, loadBalancerIP: lbIp,
      loadBalancerSourceRanges: spec.loadBalancerSourceRanges.map((r) => r.trim()),
      externalTrafficPolicy: etp, internalTrafficPolicy: spec.internalTrafficPolicy ?? 'Cluster',
      healthCheckNodePort: hcnp,
      affinitySeconds: spec.sessionAffinity === 'ClientIP' ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) : 0,
      externalName: spec.externalName, source: p.m.source, builtIn: false,
    });
  }
  return { services: [...builtInServices(serviceCidr, s.settings.systemPods, addedLabels), ...services], errors };
}
