import { describe, expect, it } from 'vitest';
import { compile } from '../cluster/compile';
import { parseScenario } from '../model/parse';
import { clusterFrom, KIND_3 } from '../testing/build';

const SVC = (name: string, body: string, meta = '', ns = 'default') =>
  `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n${meta}${body ? `spec:\n${body}` : ''}`;
const LABEL = (key: string) => `  labels: {${key}: other}\n`;
const NO_SYSTEM_PODS = '---\napiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {systemPods: false}\n';

function compileErrors(yaml: string): string[] {
  const p = parseScenario(yaml);
  if (!p.ok) throw new Error('parse');
  const c = compile(p.scenario);
  return c.ok ? [] : c.errors.map((e) => `${e.object} ${e.field}: ${e.message}`);
}

const proxied = (yaml: string): string[] => clusterFrom(yaml).proxyInput('kind-worker').services.map((e) => `${e.port.namespace}/${e.port.name}`);

describe('the Services kube-proxy selects', () => {
  it('leaves out Services labelled service-proxy-name or headless, which the API still holds', () => {
    const yaml = `${KIND_3}${NO_SYSTEM_PODS}${SVC('mine', '  ports: [{port: 80}]\n')}${SVC('theirs', '  ports: [{port: 80}]\n', LABEL('service.kubernetes.io/service-proxy-name'))}${SVC('odd', '  ports: [{port: 80}]\n', LABEL('service.kubernetes.io/headless'))}`;
    expect(proxied(yaml)).toEqual(['default/kubernetes', 'default/mine']);
    expect(clusterFrom(yaml).service('default/theirs')?.labels).toEqual({ 'service.kubernetes.io/service-proxy-name': 'other' });
  });
});

describe('the built-in Services in a scenario', () => {
  const label = SVC('kubernetes', '', LABEL('service.kubernetes.io/service-proxy-name'));

  it('lets a document add labels to default/kubernetes, as kubectl label would, keeping the API server\'s spec', () => {
    const c = clusterFrom(`${KIND_3}${label}`);
    const k = c.service('default/kubernetes')!;
    expect(k.labels).toEqual({ component: 'apiserver', provider: 'kubernetes', 'service.kubernetes.io/service-proxy-name': 'other' });
    expect([k.clusterIP, k.ports.map((p) => `${p.name} ${p.port}->${p.targetPort}`)]).toEqual(['10.96.0.1', ['https 443->6443']]);
    expect(proxied(`${KIND_3}${label}`)).not.toContain('default/kubernetes');
    expect(proxied(KIND_3)).toContain('default/kubernetes');
  });

  it('refuses a document that gives default/kubernetes a spec', () => {
    expect(compileErrors(`${KIND_3}${SVC('kubernetes', '  ports: [{port: 8443}]\n')}`)).toEqual([
      'Service default/kubernetes spec: default/kubernetes is the API server\'s own Service and keeps its spec; a document for it may only change metadata (labels, annotations), as kubectl label would',
    ]);
  });

  it('treats kube-system/kube-dns as kubeadm\'s only while kind\'s system pods are there', () => {
    const dns = SVC('kube-dns', '  ports: [{port: 53, protocol: UDP}]\n', '', 'kube-system');
    expect(compileErrors(`${KIND_3}${dns}`)[0]).toMatch(/kube-system\/kube-dns is kubeadm's own Service/);
    expect(clusterFrom(`${KIND_3}${NO_SYSTEM_PODS}${dns}`).service('kube-system/kube-dns')?.builtIn).toBe(false);
  });
});

describe('loadBalancerSourceRanges', () => {
  it('accepts space-padded ranges, as the API does for old clients, and stores them trimmed', () => {
    const lb = SVC('lb', '  type: LoadBalancer\n  loadBalancerSourceRanges: [" 203.0.113.0/25"]\n  ports: [{port: 80}]\n');
    expect(clusterFrom(`${KIND_3}${lb}`).service('default/lb')!.loadBalancerSourceRanges).toEqual(['203.0.113.0/25']);
  });

  it('may only be used on a LoadBalancer Service', () => {
    const np = SVC('np', '  type: NodePort\n  loadBalancerSourceRanges: [203.0.113.0/25]\n  ports: [{port: 80}]\n');
    expect(compileErrors(`${KIND_3}${np}`)).toEqual(["Service default/np spec.loadBalancerSourceRanges: may only be used when `type` is 'LoadBalancer'"]);
  });
});
