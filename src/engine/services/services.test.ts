import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/parse';
import { compile } from '../cluster/compile';
import { clusterFrom, KIND_3, pod } from '../testing/build';

const SVC = (name: string, body: string) => `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${body}`;

const web = `${KIND_3}${pod('web-1', 'kind-worker', [['nginx', 80]])}${pod('web-2', 'kind-worker2', [['nginx', 80]])}`
  .replace(/name: web-(\d)\n {2}namespace: default\n/g, 'name: web-$1\n  namespace: default\n  labels: {app: web}\n');

describe('Services and endpoints', () => {
  it('has default/kubernetes at .1 pointing at the API server and kube-dns at .10 pointing at CoreDNS', () => {
    const c = clusterFrom(KIND_3);
    expect(c.service('default/kubernetes')!.clusterIP).toBe('10.96.0.1');
    expect(c.endpoints.get('default/kubernetes')!.endpoints.map((e) => `${e.ip}:${e.ports.get('https')}`)).toEqual(['172.18.0.2:6443']);
    const dns = c.service('kube-system/kube-dns')!;
    expect(dns.clusterIP).toBe('10.96.0.10');
    expect(dns.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
    expect(c.endpoints.get('kube-system/kube-dns')!.endpoints.map((e) => e.ip)).toEqual(['10.244.0.2', '10.244.0.3']);
  });

  it('allocates a ClusterIP above the static band, stable when other Services are added', () => {
    const one = clusterFrom(`${web}${SVC('web', '  selector: {app: web}\n  ports: [{port: 80}]\n')}`);
    const two = clusterFrom(`${web}${SVC('aaa', '  selector: {app: web}\n  ports: [{port: 81}]\n')}${SVC('web', '  selector: {app: web}\n  ports: [{port: 80}]\n')}`);
    const ip = one.service('default/web')!.clusterIP!;
    expect(ip).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(Number(ip.split('.')[2])).toBeGreaterThanOrEqual(1);
    expect(two.service('default/web')!.clusterIP).toBe(ip);
  });

  it('selects ready and unready pods by label and resolves a named targetPort per pod', () => {
    const text = `${web}${SVC('web', '  selector: {app: web}\n  ports: [{name: http, port: 80, targetPort: http}]\n')}`
      .replace('        - containerPort: 80\n', '        - containerPort: 80\n          name: http\n')
      .replace('name: web-2\n  namespace: default\n', 'name: web-2\n  namespace: default\n  annotations: {podpath.dev/ready: "false"}\n');
    const c = clusterFrom(text);
    const eps = c.endpoints.get('default/web')!.endpoints;
    expect(eps.map((e) => [e.ip, e.nodeName, e.ready, e.ports.get('http')])).toEqual([
      ['10.244.1.2', 'kind-worker', true, 80],
      ['10.244.2.2', 'kind-worker2', false, undefined],
    ]);
  });

  it('allocates node ports in 30000-32767 and keeps the ones given', () => {
    const c = clusterFrom(`${web}${SVC('np', '  type: NodePort\n  selector: {app: web}\n  ports: [{name: a, port: 80}, {name: b, port: 81, nodePort: 30080}]\n')}`);
    const [a, b] = c.service('default/np')!.ports;
    expect(a!.nodePort).toBeGreaterThanOrEqual(30086);
    expect(a!.nodePort).toBeLessThanOrEqual(32767);
    expect(b!.nodePort).toBe(30080);
  });

  it('gives a LoadBalancer Service an address from the cloud pool and, with ETP Local, a health check node port', () => {
    const c = clusterFrom(`${web}${SVC('lb', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  selector: {app: web}\n  ports: [{port: 80}]\n')}`);
    const lb = c.service('default/lb')!;
    expect(lb.loadBalancerIP).toBe('192.0.2.100');
    expect(lb.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
  });

  it('allocates every usable address of a /28 service subnet, which has no static band', () => {
    const subnet = KIND_3.replace('kind: Cluster\n', 'kind: Cluster\nnetworking: {serviceSubnet: 10.96.0.0/28}\n');
    const c = clusterFrom(`${subnet}${Array.from({ length: 12 }, (_, i) => SVC(`s${i}`, '  ports: [{port: 80}]\n')).join('')}`);
    const ips = c.services.map((s) => s.clusterIP);
    // .1 and .10 are the built-ins'; twelve more take .2-.9 and .11-.14: every usable address once.
    expect(new Set(ips).size).toBe(14);
    expect(ips.every((ip) => /^10\.96\.0\.(?:[1-9]|1[0-4])$/.test(ip!))).toBe(true);
  });

  it('falls back to the static band when the dynamic band is full, as the API server\'s allocator does', () => {
    // A /27: the static band is .0-.15, the dynamic band .16-.30 (15 addresses); 28 Services and the two built-ins fill all 30.
    const subnet = KIND_3.replace('kind: Cluster\n', 'kind: Cluster\nnetworking: {serviceSubnet: 10.96.0.0/27}\n');
    const c = clusterFrom(`${subnet}${Array.from({ length: 28 }, (_, i) => SVC(`s${i}`, '  ports: [{port: 80}]\n')).join('')}`);
    expect(new Set(c.services.map((s) => s.clusterIP)).size).toBe(30);
  });

  it('takes EndpointSlices given by hand for a Service without a selector', () => {
    const c = clusterFrom(`${KIND_3}${SVC('ext', '  ports: [{name: pg, port: 5432}]\n')}---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}
addressType: IPv4
ports: [{name: pg, port: 5432}]
endpoints: [{addresses: [198.51.100.50]}]
`);
    expect(c.endpoints.get('default/ext')!.endpoints.map((e) => `${e.ip}:${e.ports.get('pg')}`)).toEqual(['198.51.100.50:5432']);
  });

  it('rejects what the API server rejects, with the field and the field\'s own line', () => {
    // The document starts on line 8; its spec's fields from line 13.
    const cases: [string, string, number, RegExp][] = [
      ['  ports: [{port: 80}, {port: 81}]\n', 'spec.ports[0].name', 13, /every port needs a name/],
      ['  clusterIP: 10.0.0.5\n  ports: [{port: 80}]\n', 'spec.clusterIP', 13, /not in the service subnet/],
      ['  type: NodePort\n  ports: [{port: 80, nodePort: 80}]\n', 'spec.ports[0].nodePort', 14, /not in the valid range/],
      ['  ports: [{port: 80}]\n  externalTrafficPolicy: Local\n', 'spec.externalTrafficPolicy', 14, /externally-accessible/],
      ['  clusterIP: 10.96.0.1\n  ports: [{port: 80}]\n', 'spec.clusterIP', 13, /already allocated: 10\.96\.0\.1/],
    ];
    for (const [body, field, line, message] of cases) {
      const p = parseScenario(`${KIND_3}${SVC('bad', body)}`);
      if (!p.ok) throw new Error('parse');
      const r = compile(p.scenario);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatchObject({ object: 'Service default/bad', field, line, message: expect.stringMatching(message) });
    }
  });

  it('tells kube-proxy about every Service port with its endpoints', () => {
    const c = clusterFrom(`${web}${SVC('web', '  selector: {app: web}\n  ports: [{port: 80}]\n')}`);
    const input = c.proxyInput('kind-worker');
    expect(input.localDetector).toEqual({ mode: 'ClusterCIDR', cidr: '10.244.0.0/16' });
    const web80 = input.services.find((s) => s.port.name === 'web')!;
    expect(web80.port.portName).toBe('');
    expect(web80.endpoints.map((e) => `${e.ip}:${e.port}@${e.nodeName}`)).toEqual(['10.244.1.2:80@kind-worker', '10.244.2.2:80@kind-worker2']);
    expect(input.services.map((s) => `${s.port.namespace}/${s.port.name}:${s.port.portName}`)).toEqual([
      'default/kubernetes:https', 'kube-system/kube-dns:dns', 'kube-system/kube-dns:dns-tcp', 'kube-system/kube-dns:metrics', 'default/web:',
    ]);
  });
});
