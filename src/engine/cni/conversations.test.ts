// Under every plugin and every kube-proxy mode, the conversations a learner tries first in the
// default scenario go there and come back: pod to pod on either node, pod to a Service (also
// to its own, load-balanced to itself), to a NodePort, to DNS and to the internet; the same from
// the nodes themselves; and an outside client to the LoadBalancer and to each node's NodePort.
// Six seeds each, so both backends (same node, other node) are drawn. A combination that loses
// an answer is a modelling bug (each of these was one once: Cilium's tunnel frames for the
// host, its NodePort answers, a Calico pod reaching its own Service through MASQUERADE).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../model/edits';
import { CNI_NAMES } from '../model/cni-config';
import type { ProxyMode } from '../model/types';
import { simulate, type SendSpec } from '../stack/simulate';
import { clusterFrom } from '../testing/build';
import { sent } from '../testing/trace';

const DEFAULT = readFileSync(new URL('../../scenarios/default.yaml', import.meta.url), 'utf8');
const MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables'];

interface Setup { readonly name: string; readonly yaml: string }

function setups(): Setup[] {
  const out: Setup[] = [];
  for (const cni of CNI_NAMES) {
    const withCni = applyEdits(DEFAULT, [{ op: 'setCni', cni }]);
    if (!withCni.ok) throw new Error(withCni.error);
    if (cni === 'cilium') out.push({ name: 'cilium with the kube-proxy replacement', yaml: withCni.text });
    for (const mode of MODES) {
      const text = cni === 'cilium' ? withCni.text.replace(/^( {2})cni: cilium$/m, '$1cni: cilium\n$1cilium: {kubeProxyReplacement: false}') : withCni.text;
      const edited = applyEdits(text, [{ op: 'setProxyMode', mode }]);
      if (!edited.ok) throw new Error(edited.error);
      out.push({ name: `${cni}${cni === 'cilium' ? ' without the replacement' : ''}, kube-proxy ${mode}`, yaml: edited.text });
    }
  }
  return out;
}

describe.each(setups())('$name', ({ yaml }) => {
  const c = clusterFrom(yaml);
  const api = c.pods.find((p) => p.key.startsWith('default/api') && p.node === 'kind-worker')!.key;
  const nodePort = c.service('default/api-public')!.ports[0]!.nodePort!;
  const inside = ['default/web', 'default/cache', api, 'node:kind-worker', 'node:kind-control-plane'];
  const sends: SendSpec[] = [
    ...inside.flatMap((from): SendSpec[] => [
      { from, to: 'svc:default/api', port: 80 },
      { from, to: 'default/cache', port: 6379 },
      { from, to: 'node:kind-worker2', port: nodePort },
      { from, to: 'svc:kube-system/kube-dns', port: 53, proto: 'udp' },
      { from, to: '8.8.8.8', port: 443 },
    ]),
    { from: 'external:client', to: 'svc:default/api-public', port: 80 },
    ...c.nodes.map((n): SendSpec => ({ from: 'external:client', to: `node:${n.name}`, port: nodePort })),
  ];

  it.each(sends.map((s) => [`${s.from} to ${s.to} port ${s.port}`, s] as const))('%s: delivered, and the answer too, on six seeds', (_name, s) => {
    for (let seed = 1; seed <= 6; seed++) {
      const r = simulate(c, { ...s, seed });
      if (!r.ok) throw new Error(r.error);
      const t = sent(r.trace);
      const last = t.reply?.hops.at(-1);
      expect({ seed, verdict: t.verdict, reply: t.reply?.verdict, why: t.reply?.reason ?? t.reason }).toEqual({ seed, verdict: 'delivered', reply: 'delivered', why: undefined });
      // The answer reaches the socket from the address it sent to (a socket LB connected it to the backend itself).
      expect([t.send.dst, t.hops[t.hops.length - 1]!.packet.dst]).toContain(last!.packet.src);
    }
  });
});
