// The CNI a scenario asks for, and its configuration, from the Podpath document
// (`spec.cni`, `spec.flannel`, `spec.calico`, ...) and from the plugins' own objects when a
// scenario carries them: flannel's `kube-flannel-cfg` ConfigMap (net-conf.json) and Calico
// IPPools. Both places may speak; when they disagree, the error names both.
import { z } from 'zod';
import type { Located } from './parse';
import type { SettingsDoc } from './schemas';
import type { ScenarioError } from './types';

import { CNI_NAMES, type CniName } from './cni-names';
export { CNI_NAMES, type CniName };

export type CalicoMode = 'Always' | 'CrossSubnet' | 'Never';

/** A Calico IPPool (projectcalico.org/v3 spec fields podpath acts on). */
export interface CalicoPool {
  readonly name: string;
  readonly cidr: string;
  readonly ipipMode: CalicoMode;
  readonly vxlanMode: CalicoMode;
  readonly natOutgoing: boolean;
  readonly blockSize: number;
}

/** EC2 instance types: ENIs and IPv4 addresses per ENI (aws/amazon-vpc-cni-k8s pkg/vpc/vpc_ip_resource_limit.go). */
export const EC2_LIMITS: Readonly<Record<string, { readonly enis: number; readonly ipsPerEni: number }>> = {
  't3.small': { enis: 3, ipsPerEni: 4 },
  't3.medium': { enis: 3, ipsPerEni: 6 },
  't3.large': { enis: 3, ipsPerEni: 12 },
  'm5.large': { enis: 3, ipsPerEni: 10 },
  'm5.xlarge': { enis: 4, ipsPerEni: 15 },
};

export type CniConfig =
  | { readonly name: 'bridge'; readonly hairpinMode: boolean; readonly promiscMode: boolean }
  | { readonly name: 'kindnet' }
  | { readonly name: 'flannel'; readonly backend: 'vxlan' | 'host-gw'; readonly vni: number; readonly port: number; readonly directRouting: boolean }
  | { readonly name: 'calico'; readonly pools: readonly CalicoPool[] }
  | { readonly name: 'aws-vpc-cni'; readonly instanceType: string; readonly vpcCidr: string }
  | { readonly name: 'cilium'; readonly kubeProxyReplacement: boolean; readonly routingMode: 'tunnel' | 'native' };

const calicoMode = z.enum(['Always', 'CrossSubnet', 'Never']);

/** What the Podpath document's spec may say about the CNI. */
export const cniSpec = {
  cni: z.enum(CNI_NAMES).default('bridge'),
  bridge: z.strictObject({ hairpinMode: z.boolean().optional(), promiscMode: z.boolean().optional() }).optional(),
  flannel: z.strictObject({ backend: z.enum(['vxlan', 'host-gw']).optional() }).optional(),
  calico: z.strictObject({ encapsulation: z.enum(['IPIP', 'VXLAN', 'None', 'IPIPCrossSubnet', 'VXLANCrossSubnet']).optional() }).optional(),
  aws: z.strictObject({
    instanceType: z.enum(Object.keys(EC2_LIMITS) as [string, ...string[]], { message: `podpath knows these instance types: ${Object.keys(EC2_LIMITS).join(', ')}` }).optional(),
    vpcCidr: z.string().optional(),
  }).optional(),
  cilium: z.strictObject({ kubeProxyReplacement: z.boolean().optional(), routingMode: z.enum(['tunnel', 'native']).optional() }).optional(),
  /** The MTU the CNI gives pod interfaces, overriding the plugin's own (as a hand-edited CNI config would). */
  podMTU: z.number().int().min(576).max(9001).optional(),
};

export const ipPool = z.looseObject({
  apiVersion: z.enum(['projectcalico.org/v3', 'crd.projectcalico.org/v1']),
  kind: z.literal('IPPool'),
  metadata: z.looseObject({ name: z.string() }),
  spec: z.looseObject({
    cidr: z.string(),
    ipipMode: calicoMode.default('Never'),
    vxlanMode: calicoMode.default('Never'),
    natOutgoing: z.boolean().default(false),
    blockSize: z.number().int().min(20).max(32).default(26),
    disabled: z.boolean().default(false),
  }),
});
export type IpPoolDoc = z.infer<typeof ipPool>;

const netConf = z.looseObject({
  Network: z.string().optional(),
  SubnetLen: z.number().int().optional(),
  Backend: z.looseObject({
    Type: z.string().default('udp'),
    VNI: z.number().int().min(0).max(16777215).optional(),
    Port: z.number().int().min(1).max(65535).optional(),
    DirectRouting: z.boolean().optional(),
  }).optional(),
});

/** Where the CNI's objects sit in the scenario. */
export interface CniDocs {
  readonly settings?: Located<SettingsDoc>;
  readonly ipPools: readonly Located<IpPoolDoc>[];
  /** flannel's kube-flannel-cfg ConfigMap, as given. */
  readonly flannelConfigMap?: Located<{ data?: Record<string, unknown> }>;
}

/** The ConfigMap kube-flannel.yml ships: kube-flannel/kube-flannel-cfg (kube-system in older manifests). */
export function isFlannelConfigMap(v: { metadata?: { name?: unknown; namespace?: unknown } }): boolean {
  return v.metadata?.name === 'kube-flannel-cfg' && (v.metadata.namespace === 'kube-flannel' || v.metadata.namespace === 'kube-system');
}

type Resolved = { readonly ok: true; readonly config: CniConfig } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

function err(at: Located<unknown> | undefined, object: string, field: string, path: (string | number)[], message: string): ScenarioError {
  return { doc: at?.doc ?? 0, object, field, line: at?.line(path) ?? 0, message };
}

function flannelConfig(docs: CniDocs, podSubnet: string): Resolved {
  const spec = docs.settings?.value.spec;
  const fromSpec = spec?.flannel?.backend;
  const cm = docs.flannelConfigMap;
  const raw = cm?.value.data?.['net-conf.json'];
  let backend: 'vxlan' | 'host-gw' = fromSpec ?? 'vxlan';
  let vni = 1;
  let port = 8472;
  let directRouting = false;
  if (cm && raw !== undefined) {
    const at = (message: string) => ({ ok: false as const, errors: [err(cm, 'ConfigMap kube-flannel-cfg', 'data.net-conf.json', ['data', 'net-conf.json'], message)] });
    if (typeof raw !== 'string') return at('net-conf.json must be a string holding JSON');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      return at(`net-conf.json is not JSON: ${(e as Error).message}`);
    }
    const r = netConf.safeParse(json);
    if (!r.success) return at(`net-conf.json: ${r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
    const type = r.data.Backend?.Type ?? 'udp';
    if (type !== 'vxlan' && type !== 'host-gw') return at(`Backend.Type "${type}": podpath models flannel's vxlan and host-gw backends`);
    if (fromSpec !== undefined && fromSpec !== type) {
      return at(`net-conf.json says Backend.Type "${type}" but the Podpath document says spec.flannel.backend: ${fromSpec}; remove one of them`);
    }
    if (r.data.Network !== undefined && r.data.Network !== podSubnet) {
      return at(`net-conf.json Network ${r.data.Network} is not the cluster's podSubnet ${podSubnet}: kube-controller-manager hands out node podCIDRs from the podSubnet`);
    }
    if (r.data.SubnetLen !== undefined && r.data.SubnetLen !== 24) return at('SubnetLen: podpath models the default /24 per node');
    backend = type;
    vni = r.data.Backend?.VNI ?? 1;
    port = r.data.Backend?.Port ?? 8472;
    directRouting = r.data.Backend?.DirectRouting ?? false;
  }
  return { ok: true, config: { name: 'flannel', backend, vni, port, directRouting } };
}

/** calico-node's default pool: CALICO_IPV4POOL_CIDR (the pod subnet), the encapsulation asked for, natOutgoing on. */
function defaultPool(podSubnet: string, encapsulation: string): CalicoPool {
  const ipip: CalicoMode = encapsulation === 'IPIP' ? 'Always' : encapsulation === 'IPIPCrossSubnet' ? 'CrossSubnet' : 'Never';
  const vxlan: CalicoMode = encapsulation === 'VXLAN' ? 'Always' : encapsulation === 'VXLANCrossSubnet' ? 'CrossSubnet' : 'Never';
  return { name: 'default-ipv4-ippool', cidr: podSubnet, ipipMode: ipip, vxlanMode: vxlan, natOutgoing: true, blockSize: 26 };
}

function calicoConfig(docs: CniDocs, podSubnet: string): Resolved {
  const enc = docs.settings?.value.spec.calico?.encapsulation;
  const pools = docs.ipPools.filter((p) => !p.value.spec.disabled);
  if (pools.length === 0) return { ok: true, config: { name: 'calico', pools: [defaultPool(podSubnet, enc ?? 'IPIP')] } };
  const errors: ScenarioError[] = [];
  const out: CalicoPool[] = [];
  for (const p of pools) {
    const s = p.value.spec;
    const object = `IPPool ${p.value.metadata.name}`;
    if (s.ipipMode !== 'Never' && s.vxlanMode !== 'Never') {
      errors.push(err(p, object, 'spec.vxlanMode', ['spec', 'vxlanMode'], 'ipipMode and vxlanMode cannot both be enabled (Calico refuses such a pool)'));
      continue;
    }
    if (s.blockSize < 24 || s.blockSize > 28) {
      errors.push(err(p, object, 'spec.blockSize', ['spec', 'blockSize'], 'podpath models block sizes /24 to /28'));
      continue;
    }
    if (enc !== undefined) {
      const want = defaultPool(podSubnet, enc);
      if (want.ipipMode !== s.ipipMode || want.vxlanMode !== s.vxlanMode) {
        errors.push(err(p, object, 'spec.ipipMode', ['spec', 'ipipMode'], `the pool says ipipMode ${s.ipipMode}, vxlanMode ${s.vxlanMode}, but the Podpath document says spec.calico.encapsulation: ${enc}; remove one of them`));
        continue;
      }
    }
    out.push({ name: p.value.metadata.name, cidr: s.cidr, ipipMode: s.ipipMode, vxlanMode: s.vxlanMode, natOutgoing: s.natOutgoing, blockSize: s.blockSize });
  }
  return errors.length ? { ok: false, errors } : { ok: true, config: { name: 'calico', pools: out } };
}

/** The plugin and its configuration, or located errors. */
export function resolveCniConfig(docs: CniDocs, podSubnet: string): Resolved {
  const spec = docs.settings?.value.spec;
  const name: CniName = spec?.cni ?? 'bridge';
  switch (name) {
    case 'bridge': return { ok: true, config: { name, hairpinMode: spec?.bridge?.hairpinMode ?? true, promiscMode: spec?.bridge?.promiscMode ?? false } };
    case 'kindnet': return { ok: true, config: { name } };
    case 'flannel': return flannelConfig(docs, podSubnet);
    case 'calico': return calicoConfig(docs, podSubnet);
    case 'aws-vpc-cni': return { ok: true, config: { name, instanceType: spec?.aws?.instanceType ?? 'm5.large', vpcCidr: spec?.aws?.vpcCidr ?? '192.168.0.0/16' } };
    case 'cilium': return { ok: true, config: { name, kubeProxyReplacement: spec?.cilium?.kubeProxyReplacement ?? true, routingMode: spec?.cilium?.routingMode ?? 'tunnel' } };
  }
}
