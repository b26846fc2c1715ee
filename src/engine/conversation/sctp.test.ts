import { describe, expect, it } from 'vitest';
import { clusterFrom, KIND_3 } from '../testing/build';
import { run } from '../testing/trace';
import { tablesOf } from '../format/tables';
import { simulate } from '../stack/simulate';

const SCENARIO = `${KIND_3}---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: kind-worker
  containers: [{name: c}]
---
apiVersion: v1
kind: Pod
metadata: {name: porter}
spec:
  nodeName: kind-worker2
  containers: [{name: porter, ports: [{containerPort: 80, name: serve-80-sctp, protocol: SCTP}]}]
`;

describe('SCTP in the walk', () => {
  const c = clusterFrom(SCENARIO);

  it('reaches a container listening on SCTP: INIT out, INIT ACK back to the client socket', () => {
    const r = run(c, { from: 'default/client', to: 'default/porter', port: 80, proto: 'sctp' });
    expect(r.verdict).toBe('delivered');
    expect(r.trace.exchanges[0]!.kind).toBe('sctp');
    expect(r.trace.exchanges[0]!.legs.map((l) => `${l.name} ${l.verdict}`)).toEqual(['INIT delivered', 'INIT ACK delivered']);
    const deliver = r.hops[r.hops.length - 1]!;
    expect(deliver.rule).toBe('sctp LISTEN 0 4096 0.0.0.0:80 0.0.0.0:*');
    expect(r.hops.every((h) => h.packet.proto === 'sctp')).toBe(true);
  });

  it('is refused with an ABORT where nothing binds the port, and TCP on the same port is refused with a RST', () => {
    const sctp = run(c, { from: 'default/client', to: 'default/porter', port: 81, proto: 'sctp' });
    expect(sctp.trace.verdict).toBe('refused');
    expect(sctp.trace.code).toBe('sctp-abort');
    expect(sctp.reply?.name).toBe('ABORT');
    expect(sctp.reply?.hops[0]!.packet.flags).toBe('ABORT');
    const tcp = run(c, { from: 'default/client', to: 'default/porter', port: 80, proto: 'tcp' });
    expect(tcp.trace.code).toBe('tcp-reset');
  });

  it('is tracked by conntrack on the nodes it crosses, in conntrack -L form', () => {
    const r = simulate(c, { from: 'default/client', to: 'default/porter', port: 80, proto: 'sctp' });
    if (!r.ok) throw new Error(r.error);
    const ct = tablesOf(c, r.state, 'node/kind-worker').find((t) => t.id === 'conntrack')!.text;
    expect(ct).toMatch(/^sctp {5}132 3 COOKIE_WAIT src=10\.244\.1\.2 dst=10\.244\.2\.2 sport=\d+ dport=80 src=10\.244\.2\.2 dst=10\.244\.1\.2 sport=80 dport=\d+ mark=0 use=1$/m);
  });
});
