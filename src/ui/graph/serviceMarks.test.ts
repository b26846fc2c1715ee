// Reading a trace's Service decisions: which endpoint a DNAT chose, in each kube-proxy mode,
// and the load balancer's hand-off to a node port.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../../scenarios/default.yaml?raw';
import { createLoadedStore, type SendRequest } from '../../store';
import { decisionsAt, serviceDecisions } from './serviceMarks';
import { API_FAR } from './testTopology.fixture';

async function decided(req: SendRequest, mode?: 'ipvs' | 'nftables') {
  const store = await createLoadedStore(defaultYaml);
  if (mode) await store.getState().switchProxyMode(mode);
  await store.getState().sendRequest(req);
  const s = store.getState();
  return { s, decisions: serviceDecisions(s.topo, s.steps) };
}

const toApi: SendRequest = { from: 'default/web', to: 'svc:default/api', port: 80 };

describe('serviceDecisions', () => {
  for (const [mode, kind] of [[undefined, 'nat'], ['ipvs', 'ipvs'], ['nftables', 'nat']] as const) {
    it(`finds the endpoint the Service chose at the ${kind} hop (${mode ?? 'iptables'} mode)`, async () => {
      const { s, decisions } = await decided(toApi, mode);
      const at = s.steps.findIndex((st) => st.hop.kind === kind && st.hop.before?.dst !== st.hop.packet.dst);
      const ip = s.steps[at]!.hop.packet.dst;
      expect(decisions).toEqual([{ at, links: [`endpoint:default/api:${ip}`], decider: 'svc:default/api' }]);
    });
  }

  it('sees the load balancer hand the packet to a node, then that node choose the endpoint', async () => {
    const { s, decisions } = await decided({ from: 'external:203.0.113.10', to: 'svc:default/api-public', port: 80 });
    expect(decisions.map((d) => d.decider)).toEqual(['lb:default/api-public', 'svc:default/api-public']);
    expect(decisions[0]!.links).toEqual(['lb:default/api-public']);
    expect(s.steps[decisions[0]!.at]!.hop.node).toBe('gateway');
    expect(decisions[1]!.links[0]).toMatch(/^endpoint:default\/api-public:10\.244\./);
  });

  it('finds none for a send from pod to pod', async () => {
    expect((await decided({ from: 'default/web', to: API_FAR, port: 8080 })).decisions).toEqual([]);
  });
});

describe('decisionsAt', () => {
  it('marks nothing before the choice, the link as active at it, and as chosen after it', () => {
    const d = [{ at: 5, links: ['endpoint:x'], decider: 'svc:x' }];
    expect(decisionsAt(d, 4).chosenLinks.size).toBe(0);
    expect(decisionsAt(d, 5)).toEqual({ chosenLinks: new Set(['endpoint:x']), activeLinks: new Set(['endpoint:x']), resolved: new Set(['svc:x']) });
    expect(decisionsAt(d, 9).activeLinks.size).toBe(0);
    expect(decisionsAt(d, 9).chosenLinks.has('endpoint:x')).toBe(true);
  });
});
