import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from './parse';
import { errorsOf, ok } from './testing';

const policy = (spec: string, meta = 'name: p\n  namespace: x') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  ${meta}
spec:
${spec}`;

describe('NetworkPolicy documents', () => {
  it('are a modelled kind: no "not modelled yet" warning, kept in scenario.networkPolicies', () => {
    const s = ok(parseScenario(policy('  podSelector: {}\n  policyTypes: [Ingress]\n')));
    expect(s.networkPolicies).toHaveLength(1);
    expect(s.other).toHaveLength(0);
    expect(s.warnings.some((w) => /not modelled/.test(w.message))).toBe(false);
  });

  it('default policyTypes as the API server does: Ingress always, Egress only with egress rules', () => {
    const ingressOnly = ok(parseScenario(policy('  podSelector: {}\n  egress: []\n'))).networkPolicies[0]!;
    expect(ingressOnly.policyTypes).toEqual(['Ingress']);
    const both = ok(parseScenario(policy('  podSelector: {}\n  egress: [{}]\n'))).networkPolicies[0]!;
    expect(both.policyTypes).toEqual(['Ingress', 'Egress']);
    const given = ok(parseScenario(policy('  podSelector: {}\n  policyTypes: [Egress, Ingress]\n'))).networkPolicies[0]!;
    expect(given.policyTypes).toEqual(['Egress', 'Ingress']);
  });

  it('default a port\'s protocol to TCP and keep named ports and ranges', () => {
    const p = ok(parseScenario(policy(`  podSelector: {}
  ingress:
    - ports: [{port: serve-81-tcp}, {protocol: UDP, port: 53}, {port: 8000, endPort: 8080}, {protocol: SCTP}]
`))).networkPolicies[0]!;
    expect(p.ingress[0]!.ports).toEqual([
      { protocol: 'TCP', port: 'serve-81-tcp' }, { protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 8000, endPort: 8080 }, { protocol: 'SCTP' },
    ]);
  });

  it('read a peer with both selectors as one peer (their AND) and two list items as two peers (OR)', () => {
    const p = ok(parseScenario(policy(`  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {team: y}}
          podSelector: {matchLabels: {pod: b}}
    - from:
        - namespaceSelector: {matchLabels: {team: y}}
        - podSelector: {matchLabels: {pod: b}}
`))).networkPolicies[0]!;
    expect(p.ingress[0]!.peers).toHaveLength(1);
    expect(p.ingress[0]!.peers[0]).toMatchObject({ kind: 'pods', podSelector: { matchLabels: { pod: 'b' } }, namespaceSelector: { matchLabels: { team: 'y' } } });
    expect(p.ingress[1]!.peers).toHaveLength(2);
  });

  it('take null lists as missing, as the API does', () => {
    const p = ok(parseScenario(policy('  podSelector:\n  ingress:\n    - from:\n      ports:\n'))).networkPolicies[0]!;
    expect(p.ingress).toEqual([{ peers: [], ports: [] }]);
    expect(p.podSelector).toEqual({ matchLabels: {}, matchExpressions: [] });
  });

  it('refuse an unknown protocol in the API server\'s words, at its field and line', () => {
    const errs = errorsOf(parseScenario(policy('  podSelector: {}\n  ingress:\n    - ports:\n        - protocol: ICMP\n')));
    expect(errs[0]).toMatchObject({ doc: 1, object: 'NetworkPolicy x/p', field: 'spec.ingress[0].ports[0].protocol', line: 10 });
    expect(errs[0]!.message).toBe('Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"');
  });

  it('refuse endPort without a numeric port, below port, or with a named port', () => {
    const msgs = (spec: string) => errorsOf(parseScenario(policy(spec))).map((e) => `${e.field}: ${e.message}`);
    expect(msgs('  podSelector: {}\n  egress: [{ports: [{endPort: 90}]}]\n')).toEqual(['spec.egress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified']);
    expect(msgs('  podSelector: {}\n  egress: [{ports: [{port: 90, endPort: 80}]}]\n')).toEqual(['spec.egress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal to `port`']);
    expect(msgs('  podSelector: {}\n  egress: [{ports: [{port: http, endPort: 80}]}]\n')).toEqual(['spec.egress[0].ports[0].endPort: Invalid value: 80: may not be specified when `port` is non-numeric']);
  });

  it('refuse a port number out of range and a named port that is no IANA service name', () => {
    const errs = errorsOf(parseScenario(policy('  podSelector: {}\n  ingress: [{ports: [{port: 70000}, {port: "80"}]}]\n')));
    expect(errs.map((e) => e.message)).toEqual([
      'Invalid value: 70000: must be between 1 and 65535, inclusive',
      'Invalid value: "80": must contain at least one letter (a-z)',
    ]);
  });

  it('refuse a peer with nothing in it, and ipBlock beside a selector', () => {
    const errs = errorsOf(parseScenario(policy('  podSelector: {}\n  ingress: [{from: [{}, {ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]\n')));
    expect(errs.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'spec.ingress[0].from[0]: Required value: must specify a peer',
      'spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer',
    ]);
  });

  it('accept a CIDR with host bits set but refuse an except outside it or as wide as it', () => {
    expect(parseScenario(policy('  podSelector: {}\n  egress: [{to: [{ipBlock: {cidr: 10.244.0.10/4, except: [10.244.0.11/32]}}]}]\n')).ok).toBe(true);
    const errs = errorsOf(parseScenario(policy('  podSelector: {}\n  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16, 10.0.0.0/8, nonsense]}}]}]\n')));
    expect(errs.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`',
      'spec.egress[0].to[0].ipBlock.except[1]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`',
      'spec.egress[0].to[0].ipBlock.except[2]: Invalid value: "nonsense": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
  });

  it('refuse selector expressions whose operator and values do not fit', () => {
    const errs = errorsOf(parseScenario(policy(`  podSelector:
    matchExpressions:
      - {key: a, operator: In}
      - {key: b, operator: Exists, values: [x]}
      - {key: c, operator: Like, values: [x]}
`)));
    expect(errs.map((e) => `${e.field}: ${e.message}`)).toEqual([
      "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.podSelector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.podSelector.matchExpressions[2].operator: Invalid value: "Like": not a valid selector operator',
    ]);
  });

  it('refuse more than two policyTypes and unknown ones', () => {
    expect(errorsOf(parseScenario(policy('  podSelector: {}\n  policyTypes: [Ingress, Egress, Ingress]\n')))[0]!.message).toMatch(/may not specify more than two policyTypes/);
    expect(errorsOf(parseScenario(policy('  podSelector: {}\n  policyTypes: [Inbound]\n')))[0]!.message).toBe('Unsupported value: "Inbound": supported values: "Ingress", "Egress"');
  });

  it('refuse a second policy of the same name in one namespace', () => {
    const one = policy('  podSelector: {}\n');
    const errs = errorsOf(parseScenario(`${one}---\n${one}`));
    expect(errs[0]).toMatchObject({ doc: 2, field: 'metadata.name' });
    expect(errs[0]!.message).toMatch(/a NetworkPolicy named x\/p already exists \(document 1\)/);
  });

  it('include the built-in NetworkPolicy scenario, the upstream e2e model, without a warning', () => {
    const s = ok(parseScenario(readFileSync('src/scenarios/netpol.yaml', 'utf8')));
    expect(s.warnings).toEqual([]);
    expect(s.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c']);
    expect(s.networkPolicies.map((p) => `${p.namespace}/${p.name}`)).toEqual(['x/allow-client-a-via-ns-selector']);
  });
});
