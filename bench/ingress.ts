// Layer-7 benchmarks: an outside host's curl through ingress-nginx and through a Gateway's
// Envoy, end to end (the client's connection, the proxy's decision, its own connection to
// the pod, the answer back both), on the built-in ingress scenario and with 1,000 Ingress
// hosts (3,000 paths) and 1,000 HTTPRoutes over 100 backends; and the compile those take.
import { readFileSync } from 'node:fs';
import { compile, parseScenario } from '../src/engine';
import { runCommand } from '../src/engine/shell/run';
import { median, timeIt, type Figure } from './engine';

const round = (x: number) => Math.round(x * 100) / 100;

function manyRoutes(hosts: number, backends: number): string {
  const out: string[] = ['apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [{role: control-plane}, {role: worker}, {role: worker}]\n',
    'apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {addons: [ingress-nginx, envoy-gateway]}\n',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: eg}\nspec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}\n',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: eg}\nspec: {gatewayClassName: eg, listeners: [{name: http, protocol: HTTP, port: 80}]}\n'];
  for (let b = 0; b < backends; b++) {
    out.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: b${b}, labels: {app: b${b}}}\nspec: {containers: [{name: w, image: traefik/whoami, ports: [{containerPort: 80}]}]}\n`);
    out.push(`apiVersion: v1\nkind: Service\nmetadata: {name: b${b}}\nspec: {selector: {app: b${b}}, ports: [{port: 80}]}\n`);
  }
  for (let h = 0; h < hosts; h++) {
    const svc = (i: number) => `b${(h * 3 + i) % backends}`;
    out.push(`apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: h${h}}\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: h${h}.example.com\n    http:\n      paths:\n${['/a', '/b', '/'].map((p, i) => `      - {path: ${p}, pathType: Prefix, backend: {service: {name: ${svc(i)}, port: {number: 80}}}}`).join('\n')}\n`);
    out.push(`apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: h${h}}\nspec:\n  parentRefs: [{name: eg}]\n  hostnames: [h${h}.example.com]\n  rules:\n${['/a', '/b', '/'].map((p, i) => `  - {matches: [{path: {type: PathPrefix, value: ${p}}}], backendRefs: [{name: ${svc(i)}, port: 80}]}`).join('\n')}\n`);
  }
  return out.join('---\n');
}

function figures(label: string, text: string, extra: Record<string, unknown>, compileRuns: number): Figure[] {
  const runs = 9;
  let cluster!: ReturnType<typeof compile> & { ok: true };
  const compileMs = timeIt(compileRuns, () => {
    const p = parseScenario(text);
    if (!p.ok) throw new Error(`${label}: ${p.errors[0]?.message}`);
    const c = compile(p.scenario);
    if (!c.ok) throw new Error(`${label}: ${c.errors[0]?.message}`);
    cluster = c;
  });
  const lb = (prefix: string) => cluster.cluster.services.find((s) => s.name.startsWith(prefix) && s.loadBalancerIP)!.loadBalancerIP!;
  const out: Figure[] = [{ name: `parse and compile (${label})`, ...extra, runs: compileRuns, median_ms: round(median(compileMs)), bytes: text.length }];
  for (const [proxy, ip, host] of [['ingress-nginx', lb('ingress-nginx-controller'), extra.hosts ? 'h7.example.com' : 'shop.example.com'], ['Envoy', lb('envoy-default-eg'), extra.hosts ? 'h7.example.com' : 'shop.example.com']] as const) {
    let exchanges = 0;
    let status: number | undefined;
    const ms = timeIt(runs, () => {
      const r = runCommand(cluster.cluster, { from: 'external:client', command: `curl -H 'Host: ${host}' http://${ip}/a` });
      if (!r.ok || r.command.tool !== 'curl') throw new Error('curl did not run');
      exchanges = r.trace?.exchanges.length ?? 0;
      status = r.command.result.response?.status;
    });
    out.push({ name: `curl through ${proxy}, end to end (${label})`, ...extra, runs, median_ms: round(median(ms)), target_ms: 20, exchanges, status });
  }
  return out;
}

export function ingressFigures(): Figure[] {
  return [
    ...figures('the ingress scenario', readFileSync('src/scenarios/ingress.yaml', 'utf8'), {}, 5),
    // Parsing ~900 kB of YAML (2,200 documents) is most of this compile's time.
    ...figures('1,000 hosts', manyRoutes(1000, 100), { hosts: 1000, paths: 3000, backends: 100 }, 1),
  ];
}
