import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { ciliumCheck } from './check';
import { ciliumPolicyOf } from './policymap';
import { formatBpfPolicyGet, formatPolicyGet } from './format';
import { endpointId } from './identity';
import { policyWorld } from '../world';
import { MODEL_PODS, parseUpstreamCase } from '../testing/upstream';
import { upstreamCluster } from '../testing/model';
import type { Cluster } from '../../cluster/types';

const DIR = new URL('../../../../../shared/reference/netpol/', import.meta.url);
const cases = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => parseUpstreamCase(f, readFileSync(new URL(f, DIR), 'utf8')));
const byFile = (prefix: string) => cases.find((k) => k.file.startsWith(prefix))!;

/** A connection's first packet past Cilium's two checks: the source's egress map, then the destination's ingress map. */
function ciliumAllows(c: Cluster, from: string, to: string, proto: 'tcp' | 'udp' | 'sctp', port: number): boolean {
  const w = policyWorld(c);
  const pkt = { src: c.pod(from)!.ip, dst: c.pod(to)!.ip, proto, sport: 40000, dport: port, flags: 'SYN' };
  return (ciliumCheck(w, from, 'egress', pkt)?.allowed ?? true) && (ciliumCheck(w, to, 'ingress', pkt)?.allowed ?? true);
}

describe('Cilium\'s policy repository for a Kubernetes NetworkPolicy', () => {
  it('prints the rule as cilium-dbg policy get does: namespace labels prefixed, policy labels, default-deny flags, the revision', () => {
    const text = formatPolicyGet(ciliumPolicyOf(policyWorld(upstreamCluster(byFile('04_')))));
    const [json, revision] = [text.slice(0, text.lastIndexOf(']') + 1), text.slice(text.lastIndexOf(']') + 2)];
    expect(revision).toBe('Revision: 2\n');
    const rules = JSON.parse(json);
    expect(rules).toHaveLength(1);
    expect(rules[0].endpointSelector).toEqual({ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'x', 'k8s:pod': 'a' } });
    expect(rules[0].ingress).toEqual([{ fromEndpoints: [{ matchLabels: { 'k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name': 'y' } }] }]);
    expect(rules[0].labels.map((l: { key: string; value: string }) => `${l.key}=${l.value}`).slice(0, 3)).toEqual([
      'io.cilium.k8s.policy.derived-from=NetworkPolicy', 'io.cilium.k8s.policy.name=allow-client-a-via-ns-selector', 'io.cilium.k8s.policy.namespace=x',
    ]);
    expect(rules[0].enableDefaultDeny).toEqual({ ingress: true, egress: false });
    expect(text.startsWith('[\n  {\n    "endpointSelector": {')).toBe(true);
  });

  it('turns a default-deny policy into one empty rule per isolated direction, and a podSelector peer into the policy\'s namespace', () => {
    const deny = JSON.parse(formatPolicyGet(ciliumPolicyOf(policyWorld(upstreamCluster(byFile('02_'))))).split('\nRevision')[0]!);
    expect(deny[0].ingress).toEqual([{}]);
    expect(deny[0].egress).toEqual([{}]);
    const same = JSON.parse(formatPolicyGet(ciliumPolicyOf(policyWorld(upstreamCluster(byFile('03_'))))).split('\nRevision')[0]!);
    expect(same[0].ingress[0].fromEndpoints[0].matchLabels).toEqual({ 'k8s:io.kubernetes.pod.namespace': 'x', 'k8s:pod': 'b' });
  });

  it('lists an endpoint\'s policy map with cilium-dbg bpf policy get, allow-localhost first', () => {
    const c = upstreamCluster(byFile('04_'));
    const text = formatBpfPolicyGet(ciliumPolicyOf(policyWorld(c)), 'x/a', endpointId('x/a'));
    const lines = text.split('\n');
    expect(lines[0]).toBe(`Endpoint ID: ${endpointId('x/a')}`);
    expect(lines[3]).toMatch(/^POLICY {3}DIRECTION {3}LABELS \(source:key\[=value\]\) +PORT\/PROTO {3}PROXY PORT {3}AUTH TYPE {3}BYTES {3}PACKETS$/);
    expect(lines[4]).toMatch(/^Allow {4}Ingress {5}reserved:host +ANY +NONE +disabled +0 +0$/);
    expect(text).toContain('k8s:io.kubernetes.pod.namespace=y');
    expect(text).toMatch(/\nAllow {4}Egress {6}ANY +ANY +NONE/);
  });

  it('drops with the monitor\'s "Policy denied" line and the reason from the catalogue', () => {
    const c = upstreamCluster(byFile('04_'));
    const pkt = { src: c.pod('z/b')!.ip, dst: c.pod('x/a')!.ip, proto: 'tcp' as const, sport: 40000, dport: 80, flags: 'SYN' };
    const r = ciliumCheck(policyWorld(c), 'x/a', 'ingress', pkt)!;
    expect(r.allowed).toBe(false);
    expect(r.code).toBe('policy-ingress');
    expect(r.rule).toMatch(new RegExp(`^xx drop \\(Policy denied\\) flow 0x0 to endpoint ${endpointId('x/a')}, identity \\d+->\\d+: ${pkt.src.replace(/\./g, '\\.')}:40000 -> ${pkt.dst.replace(/\./g, '\\.')}:80 tcp SYN$`));
    expect(r.text).toContain('no policy selecting x/a allows ingress from z/b on TCP 80; policies considered: x/allow-client-a-via-ns-selector');
  });
});

describe('Cilium\'s policy maps give upstream\'s truth tables', () => {
  const PROTO = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' } as const;
  for (const k of cases) {
    it(`for ${k.file}${k.file.startsWith('12_') ? ', except where an ipBlock names pod addresses' : ''}`, () => {
      const c = upstreamCluster(k);
      for (const probe of k.probes) {
        MODEL_PODS.forEach((from, r) => MODEL_PODS.forEach((to, col) => {
          if (r === col) return;
          // Cilium never matches an ipBlock against a pod's address (cilium/cilium#9209): x/a's egress,
          // allowed only to the block, reaches no pod at all.
          const want = k.file.startsWith('12_') && from === 'x/a' ? false : probe.expected[r]![col];
          expect(ciliumAllows(c, from, to, PROTO[probe.protocol], probe.port), `${probe.protocol}/${probe.port} ${from} -> ${to}`).toBe(want);
        }));
      }
    });
  }

  it('says why it drops what the API would allow, for that ipBlock case', () => {
    const c = upstreamCluster(byFile('12_'));
    const pkt = { src: c.pod('x/a')!.ip, dst: c.pod('y/a')!.ip, proto: 'tcp' as const, sport: 40000, dport: 80, flags: 'SYN' };
    const r = ciliumCheck(policyWorld(c), 'x/a', 'egress', pkt)!;
    expect(r.allowed).toBe(false);
    expect(r.text).toMatch(/allows it: egress rule 1, to .* \(host bits ignored: 0\.0\.0\.0\/4\) except .*; but Cilium matches an ipBlock only against addresses outside the cluster/);
  });
});
