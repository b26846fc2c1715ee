// Test support: the upstream NetworkPolicy e2e cases in ../shared/reference/netpol (read by the
// tests with node:fs), and the model they run on (test/e2e/network/netpol/model.go):
// namespaces x, y, z labelled kubernetes.io/metadata.name; pods a, b, c labelled pod=<name>;
// one container per (port, protocol) named cont-<port>-<proto>, its port serve-<port>-<proto>.
// Used only by tests.

export const NAMESPACES = ['x', 'y', 'z'] as const;
export const POD_NAMES = ['a', 'b', 'c'] as const;
export const MODEL_PODS: readonly string[] = NAMESPACES.flatMap((ns) => POD_NAMES.map((p) => `${ns}/${p}`));
export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

export interface Probe {
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly port: number;
  /** rows = from, columns = to, in MODEL_PODS order; true = connected. */
  readonly expected: readonly (readonly boolean[])[];
}

export interface UpstreamCase {
  readonly file: string;
  readonly title: string;
  /** The policies as YAML documents, exactly as the Go test builds them. */
  readonly policies: string;
  readonly ports: readonly number[];
  readonly probes: readonly Probe[];
  /** Illustrative pod addresses the file's policies use, to be replaced by the real ones. */
  readonly illustrativeIps: Readonly<Record<string, string>>;
}

const PROBE = /^# ---- expected reachability: probe (TCP|UDP|SCTP)\/(\d+) \(servers listen on ports \[([\d, ]+)\]\) ----$/;

export function parseUpstreamCase(file: string, text: string): UpstreamCase {
  const lines = text.split('\n');
  const title = (lines.find((l) => l.startsWith('# TEST: ')) ?? '').slice(8).replace(/^"|"$/g, '');
  const ipsLine = lines.find((l) => l.includes('Pod IPs here are illustrative: '));
  const illustrativeIps = ipsLine ? JSON.parse(ipsLine.slice(ipsLine.indexOf('{'))) as Record<string, string> : {};
  const start = lines.indexOf('# ---- policies ----');
  const firstProbe = lines.findIndex((l) => PROBE.test(l));
  const policies = lines.slice(start + 1, firstProbe).join('\n');
  const probes: Probe[] = [];
  let ports: number[] = [];
  lines.forEach((l, i) => {
    const m = PROBE.exec(l);
    if (!m) return;
    ports = m[3]!.split(',').map((s) => Number(s.trim()));
    const header = lines[i + 1]!.split('\t').slice(1);
    if (header.join(' ') !== MODEL_PODS.join(' ')) throw new Error(`${file}: unexpected columns ${header.join(' ')}`);
    const expected = MODEL_PODS.map((from, r) => {
      const row = lines[i + 2 + r]!.split('\t');
      if (row[0] !== from) throw new Error(`${file}: row ${r} is ${row[0]}`);
      return row.slice(1).map((c) => c === '.');
    });
    probes.push({ protocol: m[1] as Probe['protocol'], port: Number(m[2]), expected });
  });
  return { file, title, policies, ports, probes, illustrativeIps };
}

/** The model's namespaces and pods (without policies) as scenario YAML, on a kind cluster of three nodes. */
export function upstreamModelYaml(ports: readonly number[]): string {
  const out = [
    'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [{role: control-plane}, {role: worker}, {role: worker}]\n',
    'apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {systemPods: false}\n',
  ];
  for (const ns of NAMESPACES) out.push(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}, labels: {ns: ${ns}}}\n`);
  for (const ns of NAMESPACES) {
    for (const name of POD_NAMES) {
      const containers = ports.flatMap((port) => PROTOCOLS.map((proto) => {
        const p = proto.toLowerCase();
        return `    - name: cont-${port}-${p}\n      image: registry.k8s.io/e2e-test-images/agnhost:2.53\n      ports: [{containerPort: ${port}, name: serve-${port}-${p}, protocol: ${proto}}]\n`;
      })).join('');
      out.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels: {pod: ${name}}\nspec:\n  containers:\n${containers}`);
    }
  }
  return out.join('---\n');
}

/** The case's policies with the illustrative pod addresses replaced by the cluster's. */
export function policiesFor(c: UpstreamCase, podIp: (key: string) => string): string {
  const byIp = new Map(Object.entries(c.illustrativeIps).map(([key, ip]) => [ip, key]));
  if (byIp.size === 0) return c.policies;
  const any = new RegExp(`\\b(${[...byIp.keys()].map((ip) => ip.replace(/\./g, '\\.')).join('|')})/`, 'g');
  return c.policies.replace(any, (_, ip: string) => `${podIp(byIp.get(ip)!)}/`);
}
