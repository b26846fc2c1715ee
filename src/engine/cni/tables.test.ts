// Each plugin's node tables against what real nodes print: ../shared/reference/cni_reference.txt
// (real captures of flannel, Calico and the rest), the kubeadm + flannel node's iptables-save,
// and the plugins' own test fixtures (Calico's and the VPC CNI's veth names). Addresses differ
// between a capture and a kind cluster, so lines are compared by shape where they must be:
// addresses, MACs and hashed names replaced by placeholders.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../scenarios/builtins';
import type { Cluster, ClusterPod } from '../cluster/types';
import { tablesOf, type TableId } from '../format/tables';
import { simulate } from '../stack/simulate';
import { EMPTY_STATE } from '../stack/state';
import { clusterFrom } from '../testing/build';
import { caliName, eniVethName } from './veth';
import { felixRuleIds } from './calico-rules';
import { importKubectl } from '../model/import';
import { applyEdit } from '../model/edits';

const reference = (name: string) => readFileSync(resolve(process.cwd(), '../shared/reference', name), 'utf8');
const CNI_REF = reference('cni_reference.txt');
const refLines = CNI_REF.split('\n');
/** The data lines of a section of cni_reference.txt (between its "# ---------- name" header and the next). */
function section(name: string): string[] {
  const start = refLines.findIndex((l) => l.startsWith(`# ---------- ${name}`));
  const end = refLines.findIndex((l, i) => i > start && l.startsWith('# ----------'));
  return refLines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l !== '' && !l.startsWith('#'));
}
/** A quoted capture in a comment line of the reference: `"<text>"` after `marker`. */
function quoted(marker: string): string[] {
  return refLines.filter((l) => l.includes(marker)).flatMap((l) => [...l.slice(l.indexOf(marker)).matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
}

const builtin = (id: string) => clusterFrom(BUILTIN_SCENARIOS.find((b) => b.id === id)!.yaml);
function table(c: Cluster, ns: string, id: TableId): string {
  const t = tablesOf(c, EMPTY_STATE, ns).find((x) => x.id === id);
  if (!t) throw new Error(`${ns} has no ${id}`);
  return t.text;
}
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** A line with its addresses, MACs, hashed names and interface indexes replaced, for comparing across clusters. */
const shape = (l: string) => l
  .replace(/\b[0-9a-f]{2}(:[0-9a-f]{2}){5}\b/g, 'MAC')
  .replace(/\b\d+\.\d+\.\d+\.\d+\/\d+\b/g, 'NET')
  .replace(/\b\d+\.\d+\.\d+\.\d+\b/g, 'IP')
  .replace(/\bcali[0-9a-f]{11}\b/g, 'caliX')
  .replace(/\bens33\b/g, 'eth0')
  .replace(/^\d+: /, 'N: ')
  .replace(/\s+/g, ' ').trim();

describe('flannel VXLAN against cni_reference.txt', () => {
  const c = builtin('flannel');
  const cp = 'node/kind-control-plane';

  it('writes /run/flannel/subnet.env as the capture shows it, for the node with 10.244.0.0/24', () => {
    expect(lines(table(c, cp, 'subnet-env'))).toEqual(section('flannel').filter((l) => l.startsWith('FLANNEL_')));
  });

  it('routes the local /24 through cni0 and every other node\'s /24 through flannel.1 onlink, line for line', () => {
    const ref = section('flannel').filter((l) => l.startsWith('10.244.'));
    expect(ref.length).toBe(3);
    expect(lines(table(c, cp, 'routes')).filter((l) => l.startsWith('10.244.'))).toEqual(ref);
  });

  it('programs a permanent neighbour and FDB entry per remote VTEP, and flannel.1 with MTU 1450', () => {
    const [neigh, fdb, addr] = quoted('ip neigh show dev flannel.1').concat(quoted('bridge fdb show dev flannel.1'), quoted('ip addr show flannel.1'));
    const ours = (id: TableId) => lines(table(c, cp, id)).filter((l) => l.includes('dev flannel.1') || l.includes(': flannel.1:'));
    // `show dev flannel.1` leaves the device name out.
    expect(ours('neigh').map((l) => shape(l.replace(' dev flannel.1', '')))).toEqual([shape(neigh!), shape(neigh!)]);
    expect(ours('fdb').map((l) => shape(l.replace('dev flannel.1 ', '')))).toEqual([shape(fdb!), shape(fdb!)]);
    expect(ours('addr').map(shape)).toEqual([shape(addr!)]);
    // The FDB entry's MAC is the remote flannel.1's, and its dst the remote node's address.
    const w2 = c.netns('node/kind-worker2').devices.find((d) => d.name === 'flannel.1')!;
    expect(lines(table(c, cp, 'fdb'))).toContain(`${w2.mac} dev flannel.1 dst ${c.node('kind-worker2')!.ip} self permanent`);
    expect(lines(table(c, cp, 'neigh'))).toContain(`10.244.2.0 dev flannel.1 lladdr ${w2.mac} PERMANENT`);
  });

  it('shows flannel.1\'s VXLAN id, port and MTU in ip -d link, and eth0 as a kind node\'s veth (eth0@ifN)', () => {
    const link = table(c, cp, 'link');
    expect(link).toMatch(/^3: flannel\.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default $/m);
    expect(link).toMatch(/^ {4}vxlan id 1 local 172\.18\.0\.2 dev eth0 srcport 0 0 dstport 8472 nolearning ttl auto ageing 300 /m);
    expect(link).toMatch(/^2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 /m);
  });

  it('writes FLANNEL-POSTRTG exactly as the kubeadm + flannel node\'s iptables-save shows it', () => {
    const real = reference('iptables_REAL_iptables-save_nat_flannel_cluster.txt').split('\n').filter((l) => l.includes('FLANNEL-POSTRTG'));
    const ours = lines(table(c, cp, 'iptables-save')).filter((l) => l.includes('FLANNEL-POSTRTG'));
    expect(ours).toEqual(real);
  });

  it('routes through eth0 without a tunnel under the host-gw backend', () => {
    const hg = clusterFrom(BUILTIN_SCENARIOS.find((b) => b.id === 'flannel')!.yaml.replace('"Type": "vxlan"', '"Type": "host-gw"'));
    const routes = lines(table(hg, cp, 'routes'));
    expect(routes).toContain('10.244.1.0/24 via 172.18.0.3 dev eth0');
    expect(routes.some((l) => l.includes('flannel.1'))).toBe(false);
    expect(lines(table(hg, cp, 'subnet-env'))).toContain('FLANNEL_MTU=1500');
  });
});

describe('Calico against cni_reference.txt', () => {
  const c = builtin('calico');
  const w = 'node/kind-worker';

  it('has the capture\'s route shapes: a blackhole for its own block, /32s to cali veths, remote blocks via tunl0 onlink', () => {
    const ref = new Set(section('Calico').filter((l) => !l.startsWith('default')).map(shape));
    const ours = lines(table(c, w, 'routes')).filter((l) => !l.startsWith('default')).map(shape);
    expect(new Set(ours)).toEqual(ref);
  });

  it('shows tunl0 as the capture shows it (MTU 1480, link/ipip)', () => {
    const [first] = quoted('ip link show tunl0');
    // The capture's second line is quoted on the comment line after it.
    const second = /"([^"]+)"/.exec(refLines[refLines.findIndex((l) => l.includes('ip link show tunl0')) + 1]!)![1]!;
    const link = lines(table(c, w, 'link'));
    const i = link.findIndex((l) => l.includes('tunl0@NONE'));
    expect(shape(link[i]!)).toBe(shape(`N: ${first!}`));
    expect(link[i + 1]!.startsWith(second)).toBe(true);
  });

  it('names host veths with VethNameForWorkload, as Calico\'s own tests expect', () => {
    // libcalico-go/lib/backend/k8s/conversion/conversion_test.go and resources/workloadendpoint_test.go.
    const pod = (namespace: string, name: string) => ({ spec: { namespace, name } }) as unknown as ClusterPod;
    expect(caliName(pod('default', 'podA'))).toBe('cali7f94ce7c295');
    expect(caliName(pod('default', 'podB'))).toBe('cali92cf1f5e9f6');
    expect(caliName(pod('testNamespace', 'simplePod'))).toBe('caliedff4356bd6');
  });

  it('gives each node a /26 block and answers for 169.254.1.1 from the pod\'s gateway route', () => {
    const pod = c.pod('default/web')!;
    const podRoutes = lines(table(c, pod.netns, 'routes'));
    expect(podRoutes).toEqual(['default via 169.254.1.1 dev eth0', '169.254.1.1 dev eth0 scope link']);
    expect(lines(table(c, w, 'routes'))).toContain('blackhole 10.244.0.64/26 proto bird');
    const cali = c.netns(w).devices.find((d) => d.name.startsWith('cali'))!;
    expect(cali).toMatchObject({ mac: 'ee:ee:ee:ee:ee:ee', proxyArp: true });
  });

  it('labels felix\'s rules with its rule ids, matching a real node (and felix\'s hashing properties)', () => {
    const nat = table(c, w, 'iptables-save');
    // Ids from a real Calico node's iptables-save (felix with IPIP and natOutgoing).
    for (const id of ['O3lYWMrLQYEMJtB5', 'Z-c7XtVd2Bq7s_hA', 'nYKhEzDlr11Jccal', 'r6XmIziWUJsdOK6Z', 'flqWnvo8yq4ULQLa']) expect(nat).toContain(`cali:${id}`);
    // felix/iptables/rules_test.go: same prefix, same first hash; other chain, other hashes; one per rule.
    expect(felixRuleIds('chain', ['a', 'b'])[0]).toBe(felixRuleIds('chain', ['a', 'c'])[0]);
    expect(felixRuleIds('chain', ['a'])).not.toEqual(felixRuleIds('chain2', ['a']));
    expect(felixRuleIds('foo', ['a', 'b', 'c'])).toHaveLength(3);
  });

  it('routes blocks over the node network with proto bird and no tunnel when the pool does not encapsulate', () => {
    const bgp = clusterFrom(BUILTIN_SCENARIOS.find((b) => b.id === 'calico')!.yaml.replace('ipipMode: Always', 'ipipMode: Never'));
    const routes = lines(table(bgp, w, 'routes'));
    expect(routes).toContain('10.244.0.128/26 via 172.18.0.4 dev eth0 proto bird');
    expect(routes.some((l) => l.includes('tunl0'))).toBe(false);
  });
});

describe('kindnet', () => {
  const c = builtin('kindnet');

  it('routes each pod through its own veth with a /32 scope host route, and other nodes\' /24 via their address', () => {
    const routes = lines(table(c, 'node/kind-worker', 'routes'));
    for (const p of c.pods.filter((x) => x.node === 'kind-worker' && x.slot >= 0)) expect(routes).toContainEqual(expect.stringMatching(new RegExp(`^${p.ip.replace(/\./g, '\\.')} dev veth[0-9a-f]{8} scope host$`)));
    expect(routes).toContain('10.244.0.0/24 via 172.18.0.2 dev eth0');
    expect(routes).toContain('10.244.2.0/24 via 172.18.0.4 dev eth0');
    expect(routes.some((l) => l.includes('cni0'))).toBe(false);
  });

  it('gives the pod the ptp plugin\'s routes: the gateway on link, everything else through it', () => {
    const pod = c.pod('default/web')!;
    expect(lines(table(c, pod.netns, 'routes'))).toEqual([
      'default via 10.244.1.1 dev eth0',
      '10.244.1.0/24 via 10.244.1.1 dev eth0 src 10.244.1.2',
      '10.244.1.1 dev eth0 scope link src 10.244.1.2',
    ]);
  });

  it('masquerades what leaves the cluster with KIND-MASQ-AGENT', () => {
    expect(table(c, 'node/kind-worker', 'iptables-save')).toContain('-A KIND-MASQ-AGENT -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE');
  });

  it('keeps the addresses a real kind cluster reported (kubectl import) and routes to the podCIDRs it reported', () => {
    const fixture = (f: string) => readFileSync(`src/engine/model/import/fixtures/${f}`, 'utf8');
    const out = importKubectl([fixture('kind-dump.yaml'), fixture('kind-nodes.yaml')]);
    if (!out.ok) throw new Error(out.error);
    const edited = applyEdit(out.text, { op: 'setCni', cni: 'kindnet' });
    if (!edited.ok) throw new Error(edited.error);
    const k = clusterFrom(edited.text);
    expect(k.cni.name).toBe('kindnet');
    const web = k.pod('default/web')!;
    expect([web.node, web.ip]).toEqual(['kind-worker', '10.244.2.3']);
    // kind-worker is 172.18.0.2 with 10.244.2.0/24; kind-worker2 is 172.18.0.4 with 10.244.1.0/24.
    const routes = lines(table(k, 'node/kind-worker', 'routes'));
    expect(routes).toContain('10.244.1.0/24 via 172.18.0.4 dev eth0');
    expect(routes).toContain('10.244.0.0/24 via 172.18.0.3 dev eth0');
    expect(routes).toContainEqual(expect.stringMatching(/^10\.244\.2\.3 dev veth[0-9a-f]{8} scope host$/));
    expect(lines(table(k, web.netns, 'routes'))[0]).toBe('default via 10.244.2.1 dev eth0');
  });
});

describe('the AWS VPC CNI', () => {
  const c = builtin('aws-vpc-cni');
  const w = 'node/kind-worker';

  it('installs the ip rules of cni_reference.txt: 512 to each pod, 1024 for the connmark, 1536 from pods on secondary ENIs', () => {
    const rules = lines(table(c, w, 'rule'));
    const pods = c.pods.filter((p) => p.node === 'kind-worker' && p.slot >= 0);
    for (const p of pods) expect(rules).toContain(`512:\tfrom all to ${p.ip} lookup main`);
    expect(rules).toContain('1024:\tfrom all fwmark 0x80/0x80 lookup main');
    expect(rules.filter((l) => /^1536:\tfrom \S+ lookup \d+$/.test(l)).length).toBeGreaterThan(0);
    expect(rules.slice(-2)).toEqual(['32766:\tfrom all lookup main', '32767:\tfrom all lookup default']);
    expect(rules[0]).toBe('0:\tfrom all lookup local');
  });

  it('routes each secondary ENI\'s table through that ENI', () => {
    const all = lines(table(c, w, 'routes-all'));
    expect(all).toContainEqual(expect.stringMatching(/^default via \S+ dev eth1 table 2$/));
    expect(all).toContainEqual(expect.stringMatching(/^\S+ dev eth1 table 2 scope link$/));
  });

  it('SNATs what leaves the VPC to the node\'s primary address in AWS-SNAT-CHAIN-0', () => {
    const node = c.node('kind-worker')!;
    expect(table(c, w, 'iptables-save')).toContain(`-A AWS-SNAT-CHAIN-0 ! -o vlan+ -m comment --comment "AWS, SNAT" -m addrtype ! --dst-type LOCAL -j SNAT --to-source ${node.ip} --random-fully`);
  });

  it('names host veths as the CNI\'s own tests expect (GeneratePodHostVethName)', () => {
    // cmd/routed-eni-cni-plugin/cni_test.go: default/sample-pod, and the empty names of the mocks.
    const pod = (namespace: string, name: string) => ({ spec: { namespace, name } }) as unknown as ClusterPod;
    expect(eniVethName(pod('default', 'sample-pod'))).toBe('enicc21c2d7785');
    expect(eniVethName(pod('', ''))).toBe('eni3a52ce78095');
  });

  it('refuses more pods than the instance type\'s ENIs hold, with the max-pods formula', () => {
    const yaml = BUILTIN_SCENARIOS.find((b) => b.id === 'aws-vpc-cni')!.yaml.replace('  replicas: 6\n', '  replicas: 40\n');
    expect(() => clusterFrom(yaml)).toThrow(/a t3\.small takes 3 ENIs of 4 addresses, so 9 pod addresses \(max-pods 11 with the two host-network pods\)/);
  });
});

describe('Cilium', () => {
  const c = builtin('cilium');
  const w = 'node/kind-worker';

  it('has no KUBE-SVC chains: kube-proxy is not there', () => {
    expect(table(c, w, 'iptables-save')).not.toMatch(/KUBE-SVC|KUBE-SERVICES/);
    expect(tablesOf(c, EMPTY_STATE, w).some((t) => t.id === 'ipvsadm' || t.id === 'nft')).toBe(false);
  });

  it('prints cilium-dbg service list and bpf lb list in their real layouts', () => {
    const svc = lines(table(c, w, 'cilium-services'));
    expect(svc[0]).toMatch(/^ID {3}Frontend {15}Service Type {3}Backend {29}$/);
    expect(svc[1]).toMatch(/^1 {4}10\.96\.0\.1:443\/TCP {6}ClusterIP {6}1 => 172\.18\.0\.2:6443\/TCP \(active\) {3}$/);
    const lb = lines(table(c, w, 'cilium-bpf-lb'));
    expect(lb[0]).toMatch(/^SERVICE ADDRESS {12}BACKEND ADDRESS \(REVNAT_ID\) \(SLOT\) {13}$/);
    expect(lb).toContainEqual(expect.stringMatching(/^10\.96\.0\.1:443\/TCP \(0\) +0\.0\.0\.0:0 \(1\) \(0\) \[ClusterIP, non-routable\] *$/));
  });

  it('routes other nodes\' pod ranges through cilium_host with the tunnel\'s MTU', () => {
    const routes = lines(table(c, w, 'routes'));
    expect(routes).toContain('10.244.2.0/24 via 10.244.1.1 dev cilium_host proto kernel src 10.244.1.1 mtu 1450');
    expect(routes).toContain('10.244.1.1 dev cilium_host proto kernel scope link');
  });
});

describe('format fixes (issue 8, item 6)', () => {
  const c = builtin('default');

  it('ends ip addr lines without qlen in "group default " with the trailing space, and gives kube-ipvs0 no qlen', () => {
    const ipvs = clusterFrom(BUILTIN_SCENARIOS.find((b) => b.id === 'default')!.yaml.replace('kubeProxyMode: iptables', 'kubeProxyMode: ipvs'));
    const addr = lines(table(ipvs, 'node/kind-worker', 'addr'));
    expect(addr.find((l) => l.includes(': kube-ipvs0:'))).toMatch(/ group default $/);
    expect(addr.find((l) => l.includes(': eth0@'))).toMatch(/ group default $/);
    expect(addr.find((l) => l.includes(': cni0:'))).toMatch(/ group default qlen 1000$/);
  });

  it('prints learned bridge fdb entries with iproute2\'s trailing space', () => {
    const r = simulate(c, { from: 'web', to: c.node('kind-worker')!.pods.find((k) => k.startsWith('default/api'))!, port: 8080 });
    if (!r.ok) throw new Error(r.error);
    const fdb = tablesOf(c, r.state, 'node/kind-worker').find((t) => t.id === 'fdb')!.text;
    expect(fdb).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2} dev veth[0-9a-f]{8} master cni0 $/m);
  });
});
