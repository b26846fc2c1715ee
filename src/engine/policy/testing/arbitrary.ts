// Test support: random clusters with random NetworkPolicies, as scenario YAML, for the
// property tests that check each plugin's enforcement against a direct reading of the API.
// Labels, names and ports come from small sets so that selectors often match; every pod
// serves a few ports on TCP, UDP and SCTP, some of them named. Used only by tests.
import fc from 'fast-check';

const NAMESPACES = ['n1', 'n2', 'n3'] as const;
const APPS = ['a', 'b', 'c'] as const;
const TIERS = ['web', 'db'] as const;
export const PORTS = [80, 81, 8080] as const;
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

export interface PodGen { readonly ns: string; readonly app: string; readonly tier?: string; readonly node: number }

const selectorArb = (keys: readonly [string, readonly string[]][]) => fc.record({
  labels: fc.subarray(keys.map(([k]) => k), { maxLength: 2 }).chain((ks) => fc.tuple(...ks.map((k) => fc.constantFrom(...keys.find((x) => x[0] === k)![1]).map((v) => [k, v] as const)))),
  expr: fc.option(fc.record({
    key: fc.constantFrom(...keys.map((x) => x[0])),
    op: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'),
    values: fc.subarray([...new Set(keys.flatMap((x) => x[1]))], { minLength: 1, maxLength: 2 }),
  }), { nil: undefined }),
});

type Sel = { labels: readonly (readonly [string, string])[]; expr?: { key: string; op: string; values: readonly string[] } };

function selectorYaml(s: Sel, indent: string): string {
  const ml = s.labels.length ? `${indent}matchLabels: {${s.labels.map(([k, v]) => `${k}: ${v}`).join(', ')}}\n` : '';
  const me = s.expr ? `${indent}matchExpressions: [{key: ${s.expr.key}, operator: ${s.expr.op}${s.expr.op === 'In' || s.expr.op === 'NotIn' ? `, values: [${s.expr.values.join(', ')}]` : ''}}]\n` : '';
  return ml || me ? `${ml}${me}` : `${indent}{}\n`;
}

const podKeys: [string, readonly string[]][] = [['app', APPS], ['tier', TIERS]];
const nsKeys: [string, readonly string[]][] = [['kubernetes.io/metadata.name', NAMESPACES], ['team', ['red', 'blue']]];

const peerArb = fc.oneof(
  fc.record({ kind: fc.constant('pods' as const), pods: fc.option(selectorArb(podKeys), { nil: undefined }), ns: fc.option(selectorArb(nsKeys), { nil: undefined }) }),
  fc.record({ kind: fc.constant('ip' as const), prefix: fc.constantFrom(8, 16, 24), except: fc.boolean(), hostBits: fc.boolean() }),
);

const portArb = fc.record({
  proto: fc.option(fc.constantFrom(...PROTOCOLS), { nil: undefined }),
  port: fc.option(fc.oneof(fc.constantFrom(...PORTS), fc.constantFrom('http', 'alt')), { nil: undefined }),
  endPort: fc.option(fc.constantFrom(81, 9000), { nil: undefined }),
});

const ruleArb = fc.record({ peers: fc.array(peerArb, { maxLength: 2 }), ports: fc.array(portArb, { maxLength: 2 }) });

const policyArb = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  pods: selectorArb(podKeys),
  ingress: fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
  egress: fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
  types: fc.constantFrom([], ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
});

export const worldArb = fc.record({
  pods: fc.array(fc.record({ ns: fc.constantFrom(...NAMESPACES), app: fc.constantFrom(...APPS), tier: fc.option(fc.constantFrom(...TIERS), { nil: undefined }), node: fc.integer({ min: 0, max: 1 }) }), { minLength: 2, maxLength: 5 }),
  teams: fc.tuple(fc.constantFrom('red', 'blue'), fc.constantFrom('red', 'blue'), fc.constantFrom('red', 'blue')),
  policies: fc.array(policyArb, { minLength: 1, maxLength: 3 }),
});

export type WorldGen = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * The random world as scenario YAML; `podIp(i)` gives the address pod i will get (for ipBlock
 * peers near it); `settings` is added to the Podpath document's spec (", cni: calico").
 */
export function worldYaml(g: WorldGen, podIp: (i: number) => string | undefined, settings = ''): string {
  const docs = [
    'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [{role: control-plane}, {role: worker}, {role: worker}]\n',
    `apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {systemPods: false${settings}}\n`,
    ...NAMESPACES.map((n, i) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${n}, labels: {team: ${g.teams[i]}}}\n`),
  ];
  g.pods.forEach((p, i) => {
    const labels = [`app: ${p.app}`, ...(p.tier ? [`tier: ${p.tier}`] : [])].join(', ');
    // "http" names a different port on each app, so a named port means different numbers on different pods.
    const http = p.app === 'a' ? 80 : p.app === 'b' ? 81 : 8080;
    const ports = PORTS.flatMap((port) => PROTOCOLS.map((proto) => `{containerPort: ${port}, protocol: ${proto}${port === http && proto === 'TCP' ? ', name: http' : port === 8080 && proto === 'UDP' ? ', name: alt' : ''}}`));
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ${p.ns}, labels: {${labels}}}\nspec:\n  nodeName: kind-worker${p.node === 0 ? '' : '2'}\n  containers: [{name: c, ports: [${ports.join(', ')}]}]\n`);
  });
  g.policies.forEach((pol, i) => {
    const peer = (pe: WorldGen['policies'][number]['ingress'] extends (infer R)[] | undefined ? R extends { peers: (infer P)[] } ? P : never : never, ind: string): string => {
      if (pe.kind === 'ip') {
        const ip = podIp(i % g.pods.length) ?? '10.244.1.2';
        const [a, b, c2, d] = ip.split('.');
        const net = pe.hostBits ? ip : pe.prefix === 8 ? `${a}.0.0.0` : pe.prefix === 16 ? `${a}.${b}.0.0` : `${a}.${b}.${c2}.0`;
        return `${ind}- ipBlock:\n${ind}    cidr: ${net}/${pe.prefix}\n${pe.except ? `${ind}    except: [${a}.${b}.${c2}.${d}/32]\n` : ''}`;
      }
      const parts = [
        ...(pe.pods ? [`podSelector:\n${selectorYaml(pe.pods, `${ind}      `)}`] : []),
        ...(pe.ns ? [`namespaceSelector:\n${selectorYaml(pe.ns, `${ind}      `)}`] : []),
      ];
      if (parts.length === 0) return `${ind}- podSelector: {}\n`;
      return `${ind}- ${parts.join(`${ind}  `)}`;
    };
    const port = (p: { proto?: string; port?: number | string; endPort?: number }, ind: string) => {
      const fields = [...(p.proto ? [`protocol: ${p.proto}`] : []), ...(p.port !== undefined ? [`port: ${p.port}`] : [])];
      if (typeof p.port === 'number' && p.endPort !== undefined && p.endPort >= p.port) fields.push(`endPort: ${p.endPort}`);
      return `${ind}- {${fields.join(', ')}}\n`;
    };
    const rules = (dir: 'ingress' | 'egress', list: WorldGen['policies'][number]['ingress']) => {
      if (list === undefined) return '';
      if (list.length === 0) return `  ${dir}: []\n`;
      return `  ${dir}:\n${list.map((r) => `    - ${dir === 'ingress' ? 'from' : 'to'}:${r.peers.length ? `\n${r.peers.map((pe) => peer(pe, '        ')).join('')}` : ' []\n'}      ports:${r.ports.length ? `\n${r.ports.map((p) => port(p, '        ')).join('')}` : ' []\n'}`).join('')}`;
    };
    docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np${i}, namespace: ${pol.ns}}\nspec:\n  podSelector:\n${selectorYaml(pol.pods, '    ')}${rules('ingress', pol.ingress)}${rules('egress', pol.egress)}${pol.types.length ? `  policyTypes: [${pol.types.join(', ')}]\n` : ''}`);
  });
  return docs.join('---\n');
}
