// The zod schema of a networking.k8s.io/v1 NetworkPolicy, with the API server's own checks
// (pkg/apis/networking/validation ValidateNetworkPolicySpec: ports, peers, ipBlock, policyTypes;
// metav1 ValidateLabelSelector's operator rules) in the API server's words, each at its field.
// Label key and value syntax is left to the shared label checks.
import { z } from 'zod';
import { cidrContains, isValidCidr, parseCidr } from '../lib/ip';
import { metadata } from './schemas';

const labels = z.record(z.string(), z.string());
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
const POLICY_TYPES = ['Ingress', 'Egress'] as const;

const quoted = (v: unknown) => JSON.stringify(v);
const notSupported = (v: unknown, supported: readonly string[]) => `Unsupported value: ${quoted(v)}: supported values: ${supported.map(quoted).join(', ')}`;
const invalid = (v: unknown, detail: string) => `Invalid value: ${quoted(v)}: ${detail}`;

const requirement = z.looseObject({ key: z.string(), operator: z.string(), values: z.array(z.string()).nullish() });
const labelSelector = z.looseObject({ matchLabels: labels.nullish(), matchExpressions: z.array(requirement).nullish() });
const ipBlock = z.looseObject({ cidr: z.string().default(''), except: z.array(z.string()).nullish() });
const peer = z.looseObject({ podSelector: labelSelector.nullish(), namespaceSelector: labelSelector.nullish(), ipBlock: ipBlock.nullish() });
const port = z.looseObject({
  protocol: z.string().nullish(),
  port: z.union([z.number().int(), z.string()]).nullish(),
  endPort: z.number().int().nullish(),
});
const ingressRule = z.looseObject({ from: z.array(peer).nullish(), ports: z.array(port).nullish() });
const egressRule = z.looseObject({ to: z.array(peer).nullish(), ports: z.array(port).nullish() });

type Ctx = z.RefinementCtx;
type Path = (string | number)[];
const issue = (ctx: Ctx, path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });

function checkSelector(ctx: Ctx, path: Path, sel: z.infer<typeof labelSelector> | null | undefined) {
  (sel?.matchExpressions ?? []).forEach((r, i) => {
    const at = [...path, 'matchExpressions', i];
    const values = r.values ?? [];
    if (!(OPERATORS as readonly string[]).includes(r.operator)) issue(ctx, [...at, 'operator'], invalid(r.operator, 'not a valid selector operator'));
    else if ((r.operator === 'In' || r.operator === 'NotIn') && values.length === 0) issue(ctx, [...at, 'values'], "Required value: must be specified when `operator` is 'In' or 'NotIn'");
    else if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && values.length > 0) issue(ctx, [...at, 'values'], "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
  });
}

/** validation.IsValidPortName (an IANA service name). */
export function portNameErrors(name: string): string[] {
  const out: string[] = [];
  if (name.length > 15) out.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) out.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) out.push('must contain at least one letter (a-z)');
  if (name.includes('--')) out.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) out.push('must not begin or end with a hyphen');
  return out;
}

const PORT_RANGE = 'must be between 1 and 65535, inclusive';

function checkPort(ctx: Ctx, path: Path, p: z.infer<typeof port>) {
  if (p.protocol != null && !(PROTOCOLS as readonly string[]).includes(p.protocol)) issue(ctx, [...path, 'protocol'], notSupported(p.protocol, PROTOCOLS));
  const end = p.endPort;
  if (p.port == null) {
    if (end != null) issue(ctx, [...path, 'endPort'], invalid(end, 'may not be specified when `port` is not specified'));
    return;
  }
  if (typeof p.port === 'number') {
    if (p.port < 1 || p.port > 65535) issue(ctx, [...path, 'port'], invalid(p.port, PORT_RANGE));
    if (end != null) {
      if (end < p.port) issue(ctx, [...path, 'endPort'], invalid(end, 'must be greater than or equal to `port`'));
      if (end < 1 || end > 65535) issue(ctx, [...path, 'endPort'], invalid(end, PORT_RANGE));
    }
    return;
  }
  if (end != null) issue(ctx, [...path, 'endPort'], invalid(end, 'may not be specified when `port` is non-numeric'));
  for (const m of portNameErrors(p.port)) issue(ctx, [...path, 'port'], invalid(p.port, m));
}

const CIDR_HINT = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

function checkIpBlock(ctx: Ctx, path: Path, b: z.infer<typeof ipBlock>) {
  if (b.cidr === '') { issue(ctx, [...path, 'cidr'], 'Required value'); return; }
  const v6 = (s: string) => s.includes(':');
  if (v6(b.cidr)) { issue(ctx, [...path, 'cidr'], 'podpath models IPv4 only'); return; }
  if (!isValidCidr(b.cidr)) { issue(ctx, [...path, 'cidr'], invalid(b.cidr, CIDR_HINT)); return; }
  const outer = parseCidr(b.cidr);
  (b.except ?? []).forEach((e, i) => {
    const at = [...path, 'except', i];
    if (v6(e)) { issue(ctx, at, 'podpath models IPv4 only'); return; }
    if (!isValidCidr(e)) { issue(ctx, at, invalid(e, CIDR_HINT)); return; }
    const inner = parseCidr(e);
    if (!cidrContains(outer, inner.net) || outer.prefix >= inner.prefix) issue(ctx, at, invalid(e, 'must be a strict subset of `cidr`'));
  });
}

function checkPeer(ctx: Ctx, path: Path, p: z.infer<typeof peer>) {
  let n = 0;
  if (p.podSelector != null) { n++; checkSelector(ctx, [...path, 'podSelector'], p.podSelector); }
  if (p.namespaceSelector != null) { n++; checkSelector(ctx, [...path, 'namespaceSelector'], p.namespaceSelector); }
  if (p.ipBlock != null) { n++; checkIpBlock(ctx, [...path, 'ipBlock'], p.ipBlock); }
  if (n === 0) issue(ctx, path, 'Required value: must specify a peer');
  else if (n > 1 && p.ipBlock != null) issue(ctx, path, 'Forbidden: may not specify both ipBlock and another peer');
}

const spec = z.looseObject({
  podSelector: labelSelector.nullish(),
  ingress: z.array(ingressRule).nullish(),
  egress: z.array(egressRule).nullish(),
  policyTypes: z.array(z.string()).nullish(),
}).superRefine((s, ctx) => {
  checkSelector(ctx, ['podSelector'], s.podSelector);
  const rules = (dir: 'ingress' | 'egress', list: readonly { ports?: z.infer<typeof port>[] | null; from?: unknown; to?: unknown }[]) => list.forEach((r, i) => {
    (r.ports ?? []).forEach((p, j) => checkPort(ctx, [dir, i, 'ports', j], p));
    const peers = (dir === 'ingress' ? r.from : r.to) as z.infer<typeof peer>[] | null | undefined;
    (peers ?? []).forEach((p, j) => checkPeer(ctx, [dir, i, dir === 'ingress' ? 'from' : 'to', j], p));
  });
  rules('ingress', s.ingress ?? []);
  rules('egress', s.egress ?? []);
  const types = s.policyTypes ?? [];
  if (types.length > 2) { issue(ctx, ['policyTypes'], `Invalid value: ${quoted(types)}: may not specify more than two policyTypes`); return; }
  types.forEach((t, i) => { if (!(POLICY_TYPES as readonly string[]).includes(t)) issue(ctx, ['policyTypes', i], notSupported(t, POLICY_TYPES)); });
});

/** A networking.k8s.io/v1 NetworkPolicy document. */
export const networkPolicy = z.looseObject({
  apiVersion: z.literal('networking.k8s.io/v1'),
  kind: z.literal('NetworkPolicy'),
  metadata,
  spec: spec.default({}),
});

export type NetworkPolicyDoc = z.infer<typeof networkPolicy>;
