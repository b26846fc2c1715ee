// IPVS mode's iptables filter rules in the walk: KUBE-IPVS-OUT-FILTER's `-m ipvs` rule drops
// what a node sends to a load balancer address its loadBalancerSourceRanges leave out, and a
// virtual server without real servers refuses on its own hop.
import { describe, expect, it } from 'vitest';
import { clusterFrom } from '../testing/build';
import { servicesScenario } from '../testing/services-scenario';
import { last, run } from '../testing/trace';

const FIREWALLED = `---
apiVersion: v1
kind: Service
metadata: {name: fw}
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [203.0.113.0/24]
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

describe('IPVS mode and the ipvs match', () => {
  it('drops a node’s own connection to a load balancer address outside the source ranges at KUBE-IPVS-OUT-FILTER', () => {
    const c = clusterFrom(servicesScenario('ipvs', FIREWALLED));
    const lb = c.service('default/fw')!.loadBalancerIP!;
    const t = run(c, { from: 'node:kind-worker', to: lb, port: 80 });
    expect(t.verdict).toBe('dropped');
    expect(t.code).toBe('netfilter-drop');
    expect(last(t.hops).rule).toBe(`-A KUBE-IPVS-OUT-FILTER -s ${lb}/32 -m ipvs --vproto 6 --vaddr ${lb} --vport 80 -j DROP`);
    // The same load balancer still serves a client inside the ranges.
    expect(run(c, { from: 'external:client', to: 'svc:default/fw', port: 80 }).reply?.verdict).toBe('delivered');
  });

  it('ends a refused leg on the refusal when a virtual server has no real server', () => {
    const c = clusterFrom(servicesScenario('ipvs'));
    const t = run(c, { from: 'client', to: 'svc:default/empty', port: 80 });
    expect(t.verdict).toBe('refused');
    expect(last(t.hops)).toMatchObject({ kind: 'refuse', table: 'ipvsadm' });
  });
});
