// The shell's network commands as conversations: what each finds out, and the exchanges it
// makes, for success and each kind of failure.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario } from '../model/parse';
import { compile } from '../cluster/compile';
import { runCommand, type CommandResult } from './run';

const text = readFileSync(resolve(process.cwd(), 'src/scenarios/default.yaml'), 'utf8');
const p = parseScenario(text);
if (!p.ok) throw new Error('default scenario');
const compiled = compile(p.scenario);
if (!compiled.ok) throw new Error('default scenario');
const c = compiled.cluster;

function run(command: string, from = 'default/web') {
  const r = runCommand(c, { from, command });
  if (!r.ok) throw new Error(r.error);
  return r;
}
function curl(command: string, from?: string) {
  const r = run(command, from);
  if (r.command.tool !== 'curl') throw new Error(`not curl: ${JSON.stringify(r.command)}`);
  return { ...r, result: r.command.result };
}
const titles = (r: ReturnType<typeof run>) => (r.trace?.exchanges ?? []).filter((e) => e.parent === undefined).map((e) => e.title);

describe('curl', () => {
  it('looks the Service up (A, AAAA), connects and gets the echo server\'s answer, which names the client address it saw', () => {
    const r = curl('curl http://api/');
    expect(titles(r)).toEqual(['look up api.default.svc.cluster.local (A)', 'look up api.default.svc.cluster.local (AAAA)', expect.stringMatching(/^HTTP GET \/ to 10\.96\.\d+\.\d+:80$/)]);
    expect(r.result.connect).toMatchObject({ kind: 'connected' });
    expect(r.result.response).toMatchObject({ status: 200, reason: 'OK' });
    expect(r.result.response!.body).toContain(`RemoteAddr: ${c.pod('default/web')!.ip}:`);
    const http = r.trace!.exchanges.at(-1)!;
    expect(http.legs.map((l) => `${l.name} ${l.verdict}`)).toEqual(['SYN delivered', 'SYN ACK delivered', 'HTTP request delivered', 'HTTP response delivered']);
    // Only the SYN met the nat table; the request and response were rewritten by conntrack.
    expect(http.legs[0]!.hops.some((h) => h.kind === 'nat')).toBe(true);
    expect(http.legs[2]!.hops.some((h) => h.kind === 'nat')).toBe(false);
    expect(http.legs[2]!.hops.some((h) => h.kind === 'conntrack')).toBe(true);
    expect(http.legs[3]!.hops.at(-1)!.packet).toMatchObject({ src: http.tuple.dst, sport: 80, payload: { kind: 'http', response: { status: 200 } } });
  });

  it('gets nginx\'s 615-byte welcome page from nginx 1.27, and its 404 for another path', () => {
    const ip = c.pod('default/web')!.ip;
    const ok = curl(`curl http://${ip}/`, 'default/cache');
    expect(ok.result.response).toMatchObject({ status: 200 });
    expect(ok.result.response!.headers.find((h) => h.name === 'Content-Length')?.value).toBe('615');
    expect(ok.result.response!.body).toContain('<title>Welcome to nginx!</title>');
    const missing = curl(`curl -I http://${ip}/nope`, 'default/cache');
    expect(missing.result.response).toMatchObject({ status: 404, reason: 'Not Found', body: '' });
  });

  it('says the host cannot be resolved after every search domain was NXDOMAIN', () => {
    const r = curl('curl http://nosuch/');
    expect(r.result.lookup).toEqual({ kind: 'not-found' });
    expect(r.result.connect).toBeUndefined();
    expect(titles(r)).toHaveLength(8);
  });

  it('is refused by a pod port nothing listens on: a RST, and the socket closes', () => {
    const r = curl(`curl http://${c.pod('default/cache')!.ip}:81/`);
    expect(r.result.connect).toMatchObject({ kind: 'refused' });
    const tcp = r.trace!.exchanges.at(-1)!;
    expect(tcp.legs.map((l) => l.name)).toEqual(['SYN', 'RST']);
    expect(tcp.legs[1]!.hops.at(-1)!.rule).toMatch(/^tcp SYN-SENT /);
    expect(tcp.legs[1]!.hops.at(-1)!.text).toMatch(/never became ESTAB/);
  });

  it('gets an empty reply from a server that does not speak HTTP (redis closes the connection)', () => {
    const r = curl(`curl http://${c.pod('default/cache')!.ip}:6379/`);
    expect(r.result).toMatchObject({ connect: { kind: 'connected' }, responseFailure: 'empty-reply' });
    expect(r.trace!.exchanges.at(-1)!.legs.map((l) => l.name)).toEqual(['SYN', 'SYN ACK', 'HTTP request', 'FIN']);
  });

  it('times out on a host on the internet that drops the port, after -m seconds', () => {
    const r = curl('curl -m 5 http://93.184.216.34:8081/');
    expect(r.result.connect).toEqual({ kind: 'timeout', ms: 5000 });
    expect(r.trace!.exchanges.at(-1)!.code).toBe('filtered');
  });

  it('reaches a web server on the internet over https, trusting its certificate', () => {
    const r = curl('curl https://example.com/');
    expect(r.result.response).toMatchObject({ status: 200 });
    expect(r.trace!.exchanges.at(-1)!.legs.map((l) => l.name)).toEqual(['SYN', 'SYN ACK', 'TLS ClientHello', 'TLS ServerHello, certificate', 'HTTP request', 'HTTP response']);
  });

  it('fails TLS against a plain HTTP server (curl 35), and a Kubernetes API refuses an anonymous request', () => {
    expect(curl(`curl https://${c.pod('default/web')!.ip}:80/`, 'default/cache').result.tlsError).toBe('not-tls');
    expect(curl('curl https://kubernetes/').result.tlsError).toBe('untrusted');
    expect(curl('curl -k https://kubernetes/').result.response).toMatchObject({ status: 403, body: expect.stringContaining('system:anonymous') });
  });

  it('sends the Host header it is given, from an outside host to the load balancer', () => {
    const lb = c.service('default/api-public')!.loadBalancerIP!;
    const r = curl(`curl -H 'Host: shop.example.com' http://${lb}/cart`, 'external:client');
    expect(r.result.request!.headers[0]).toEqual({ name: 'Host', value: 'shop.example.com' });
    expect(r.result.response!.body).toMatch(/GET \/cart HTTP\/1\.1\r\nHost: shop\.example\.com/);
  });
});

describe('the other network commands', () => {
  const tool = <T extends CommandResult['tool']>(r: ReturnType<typeof run>, t: T) => {
    if (r.command.tool !== t) throw new Error(`expected ${t}: ${JSON.stringify(r.command)}`);
    return r.command as Extract<CommandResult, { tool: T }>;
  };

  it('ping: one exchange per echo with the socket\'s identifier, and a reverse lookup of the replier given a name', () => {
    const r = run('ping -c 3 example.com');
    const ping = tool(r, 'ping').result;
    expect(ping.replies.map((x) => x.seq)).toEqual([1, 2, 3]);
    const echoes = r.trace!.exchanges.filter((e) => e.kind === 'icmp');
    expect(new Set(echoes.map((e) => e.tuple.icmpId)).size).toBe(1);
    expect(echoes[0]!.legs[0]!.hops[0]!.packet.icmp).toMatchObject({ type: 'echo-request', seq: 1 });
    expect(r.trace!.exchanges.some((e) => e.title.includes('in-addr.arpa (PTR)'))).toBe(true);
    expect(ping.totalMs).toBeGreaterThan(2000);
  });

  it('ping of a ClusterIP gets no echo reply: kube-proxy\'s rules only translate the Service\'s ports', () => {
    const ping = tool(run('ping -n -c 1 api'), 'ping').result;
    expect(ping.replies.every((x) => x.error !== undefined)).toBe(true);
  });

  it('ping -s sets the echo\'s size, and -M do forbids fragmentation: too big for eth0 is refused before it leaves (EMSGSIZE)', () => {
    const cache = c.pod('default/cache')!.ip;
    const big = run(`ping -c 1 -s 1400 ${cache}`);
    expect(big.trace!.exchanges[0]!.legs[0]!.hops[0]!.packet.size).toBe(1428);
    expect(tool(big, 'ping').result).toMatchObject({ dataLen: 1400, replies: [{ seq: 1 }] });
    const refused = tool(run(`ping -c 2 -s 1473 -M do ${cache}`), 'ping').result;
    expect(refused.replies).toEqual([]);
    expect(refused.localErrors).toEqual([{ seq: 1, mtu: 1500 }, { seq: 2, mtu: 1500 }]);
    // Without -M the socket's default (want) fragments it, and the echo comes back.
    expect(tool(run(`ping -c 1 -s 1473 ${cache}`), 'ping').result.replies).toHaveLength(1);
    expect(run(`ping -M maybe ${cache}`).command).toMatchObject({ tool: 'error', stderr: 'ping: invalid -M argument: maybe\n', exitCode: 2 });
    expect(run(`ping -s x ${cache}`).command).toMatchObject({ tool: 'error', stderr: "ping: invalid argument: 'x'\n", exitCode: 1 });
  });

  it('ping -M do across a too-small overlay: the router\'s "fragmentation needed", then the learned path MTU refuses the next echo locally', () => {
    const mtuText = readFileSync(resolve(process.cwd(), 'src/scenarios/cni/flannel-mtu.yaml'), 'utf8') + text.split('---\n').filter((d) => /kind: (Pod|Deployment|Service)\n/.test(d)).map((d) => `---\n${d}`).join('');
    const parsed = parseScenario(mtuText);
    if (!parsed.ok) throw new Error('parse');
    const built = compile(parsed.scenario);
    if (!built.ok) throw new Error('compile');
    const cache = built.cluster.pod('default/cache')!.ip;
    const r = runCommand(built.cluster, { from: 'default/web', command: `ping -c 2 -s 1450 -M do ${cache}` });
    if (!r.ok || r.command.tool !== 'ping') throw new Error('no ping');
    expect(r.command.result.replies).toEqual([expect.objectContaining({ seq: 1, error: 'Frag needed and DF set (mtu = 1450)' })]);
    expect(r.command.result.localErrors).toEqual([{ seq: 2, mtu: 1450 }]);
  });

  it('traceroute names each router from its "time exceeded" and stops at the port unreachable of the destination', () => {
    const tr = tool(run(`traceroute -n ${c.pod('default/cache')!.ip}`, 'external:client'), 'traceroute').result;
    expect(tr.hops.length).toBeGreaterThan(0);
    expect(tr.hops[0]!.probes.every((p) => p.from === '192.0.2.1')).toBe(true);
  });

  it('dig asks exactly the name given, and +short still walks the query', () => {
    const d = tool(run('dig +short kubernetes.default.svc.cluster.local'), 'dig').result;
    expect(d.queries).toHaveLength(1);
    expect(d.queries[0]!.answer).toMatchObject({ rcode: 'NOERROR', flags: ['qr', 'aa', 'rd'] });
    const up = tool(run('dig example.com'), 'dig').result;
    expect(up.queries[0]!.answer!.flags).toEqual(['qr', 'rd', 'ra']);
  });

  it('nslookup applies the search list and answers NXDOMAIN for a missing name', () => {
    const n = tool(run('nslookup nosuch'), 'nslookup').result;
    expect(n.queries.map((q) => `${q.name} ${q.answer?.rcode}`)).toEqual([
      'nosuch.default.svc.cluster.local. NXDOMAIN', 'nosuch.svc.cluster.local. NXDOMAIN', 'nosuch.cluster.local. NXDOMAIN', 'nosuch. NXDOMAIN',
    ]);
  });

  it('nc -z connects and nothing more; a closed port is refused', () => {
    expect(tool(run('nc -zv api 80'), 'nc').result.connect).toMatchObject({ kind: 'connected' });
    expect(tool(run(`nc -zv ${c.pod('default/cache')!.ip} 6380`), 'nc').result.connect).toMatchObject({ kind: 'refused' });
  });

  it('refuses pipes, unknown options and missing arguments the way the shell and the tools do', () => {
    expect(run('curl api | head').command).toMatchObject({ tool: 'error', exitCode: 2 });
    expect(run('curl --nope api').command).toMatchObject({ tool: 'error', stderr: expect.stringContaining('option --nope: is unknown') });
    expect(run('ping').command).toMatchObject({ tool: 'error', exitCode: 1 });
    expect(run('hostname').command).toEqual({ tool: 'local', argv: ['hostname'] });
  });

  it('gives the same trace for the same command and seed', () => {
    expect(JSON.stringify(run('curl example.com').trace)).toBe(JSON.stringify(run('curl example.com').trace));
  });
});
