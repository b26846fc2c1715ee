// setYaml: an object's document replaced by YAML the learner wrote (the Policies panel's
// editor), kept exactly as written, every other document untouched; bad YAML changes nothing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { changedDocs, edited, refused, scenarioOf } from './testing';

const NETPOL = readFileSync('src/scenarios/netpol.yaml', 'utf8');
const target = { kind: 'NetworkPolicy', namespace: 'x', name: 'allow-client-a-via-ns-selector' } as const;
const WRITTEN = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-client-a-via-ns-selector
  namespace: x
spec:
  podSelector: {matchLabels: {pod: a}}   # only a
  ingress:
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: z}}}]
`;

describe('replacing an object\'s YAML', () => {
  it('puts the YAML in place of the object\'s document as written, and leaves every other document as it was', () => {
    const out = edited(NETPOL, { op: 'setYaml', target, yaml: WRITTEN });
    expect(out.text).toContain(WRITTEN);
    expect(changedDocs(NETPOL, out.text)).toEqual(['NetworkPolicy x/allow-client-a-via-ns-selector']);
    const np = scenarioOf(out.text).networkPolicies[0]!;
    expect(np.ingress[0]!.peers[0]).toMatchObject({ kind: 'pods', namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'z' } } });
    // Its place among the documents is kept: the policy stays the last document.
    expect(out.text.endsWith(WRITTEN)).toBe(true);
  });

  it('refuses YAML with a syntax error, more than one document, or an object not in the scenario', () => {
    expect(refused(NETPOL, { op: 'setYaml', target, yaml: 'spec: {podSelector: [\n' })).toMatch(/^the YAML has an error/);
    expect(refused(NETPOL, { op: 'setYaml', target, yaml: `${WRITTEN}---\n${WRITTEN}` })).toBe('the YAML must be one document (it has 2)');
    expect(refused(NETPOL, { op: 'setYaml', target, yaml: '- a list\n' })).toBe('the YAML must be a mapping with apiVersion and kind');
    expect(refused(NETPOL, { op: 'setYaml', target: { ...target, name: 'gone' }, yaml: WRITTEN })).toBe("there is no NetworkPolicy x/gone in the scenario's documents");
  });
});
