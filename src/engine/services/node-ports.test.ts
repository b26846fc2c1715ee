import { describe, expect, it } from 'vitest';
import { compile } from '../cluster/compile';
import { parseScenario } from '../model/parse';
import { clusterFrom, KIND_3 } from '../testing/build';
import { NodePortAllocator, staticBandSize } from './node-ports';

const SVC = (name: string, body: string) => `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${body}`;
const RANGE = (range: string) => `---\napiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {serviceNodePortRange: "${range}"}\n`;

function compileErrors(yaml: string): string[] {
  const p = parseScenario(yaml);
  if (!p.ok) throw new Error('parse');
  const c = compile(p.scenario);
  return c.ok ? [] : c.errors.map((e) => `${e.field}: ${e.message}`);
}

describe('the node port allocator (KEP-3668 bands over --service-node-port-range)', () => {
  it.each([
    [{ base: 30000, size: 2768 }, 86],
    [{ base: 3000, size: 29768 }, 128],
    [{ base: 3000, size: 100 }, 16],
    [{ base: 3000, size: 600 }, 18],
    [{ base: 3000, size: 16 }, 0],
  ])('keeps a static band as calculateRangeOffset does for %o', (range, band) => {
    expect(staticBandSize(range)).toBe(band);
  });

  it('grants a requested port once, inside the range only', () => {
    const a = new NodePortAllocator({ base: 3000, size: 101 });
    expect(a.reserve(3001, 'TCP')).toBeUndefined();
    expect(a.reserve(3001, 'TCP')).toBe('provided port is already allocated: 3001');
    expect(a.reserve(2999, 'TCP')).toBe('provided port is not in the valid range. The range of valid ports is 3000-3100');
  });

  it('allocates from the upper band, then the static band, then reports the range full', () => {
    const a = new NodePortAllocator({ base: 3000, size: 20 });
    const got = Array.from({ length: 21 }, (_, i) => a.allocate(`svc${i}`, 'TCP'));
    expect(got.slice(0, 4).every((p) => p !== undefined && p >= 3016)).toBe(true);
    expect(got.slice(4, 20).sort()).toEqual(Array.from({ length: 16 }, (_, i) => 3000 + i));
    expect(got[20]).toBeUndefined();
  });
});

describe('node ports in a scenario', () => {
  const np = (port: string) => SVC('np', `  type: NodePort\n  ports: [{port: 80${port}}]\n`);

  it('accepts node ports below 30000 when kube-apiserver is started with a range that holds them', () => {
    const c = clusterFrom(`${KIND_3}${RANGE('3000-32767')}${np(', nodePort: 3001')}`);
    expect(c.service('default/np')!.ports[0]!.nodePort).toBe(3001);
    expect(compileErrors(`${KIND_3}${np(', nodePort: 3001')}`)).toEqual([
      'spec.ports[0].nodePort: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
  });

  it('allocates inside the configured range, above its static band', () => {
    const port = clusterFrom(`${KIND_3}${RANGE('3000-3999')}${np('')}`).service('default/np')!.ports[0]!.nodePort;
    expect(port).toBeGreaterThanOrEqual(3031);
    expect(port).toBeLessThanOrEqual(3999);
  });

  it('reports a full range as an error of the Service that found it full', () => {
    const three = SVC('np', '  type: NodePort\n  ports: [{name: a, port: 80}, {name: b, port: 81}, {name: c, port: 82}]\n');
    expect(compileErrors(`${KIND_3}${RANGE('3000-3001')}${three}`)).toEqual(['spec.ports: failed to allocate a nodePort: the range 3000-3001 is full']);
  });

  it('checks a requested health check node port against the range and the ports already taken', () => {
    const lb = (hcnp: number) => SVC(`lb${hcnp}`, `  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: ${hcnp}\n  ports: [{port: 80, nodePort: 30001}]\n`);
    expect(compileErrors(`${KIND_3}${lb(3000)}`)).toEqual([
      'spec.healthCheckNodePort: failed to allocate requested HealthCheck NodePort 3000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
    expect(compileErrors(`${KIND_3}${lb(30001)}`)).toEqual([
      'spec.healthCheckNodePort: failed to allocate requested HealthCheck NodePort 30001: provided port is already allocated: 30001',
    ]);
  });
});
