import { describe, expect, it } from 'vitest';
import { Conversation } from '../conversation/conversation';
import { clusterFrom, KIND_3 } from '../testing/build';
import { ADDON, ingressDoc } from '../ingress/testing';
import { runCommand } from '../shell/run';
import { EMPTY_STATE, type DynState } from '../stack/state';
import { leastRequest, roundRobin, weighted } from './balancer';

const cluster = clusterFrom(KIND_3);

describe('the proxies\' balancers', () => {
  it('walk round robin from a random start, and keep the position for the session', () => {
    let state: DynState = EMPTY_STATE;
    const picks: number[] = [];
    for (let i = 0; i < 6; i++) {
      const conv = new Conversation(cluster, 3, state);
      picks.push(roundRobin(conv, 'ctl|up', 3));
      state = conv.snapshot();
    }
    for (let i = 1; i < picks.length; i++) expect(picks[i]).toBe((picks[i - 1]! + 1) % 3);
    // A different endpoint set is a new balancer.
    const conv = new Conversation(cluster, 3, state);
    expect(roundRobin(conv, 'ctl|up', 1)).toBe(0);
  });

  it('draw by weight, never a weight of 0, and nothing when all are 0', () => {
    const conv = new Conversation(cluster, 11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[weighted(conv, [1, 0, 3])!]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.6);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.4);
    expect(weighted(conv, [0, 0])).toBeUndefined();
  });

  it('take the first of two draws for least request, since no request is in flight', () => {
    const conv = new Conversation(cluster, 5);
    const r = leastRequest(conv, 4);
    expect(r.index).toBe(r.draws[0]);
    expect(leastRequest(conv, 1)).toEqual({ index: 0, draws: [0, 0] });
  });

  it('send successive requests of a session to the next endpoint of the upstream', () => {
    const two = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: echo, image: traefik/whoami, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
    const c = clusterFrom(`${KIND_3}---\n${ADDON}${two}${ingressDoc('web', 'web.example', [['/', 'Prefix', 'web']])}`);
    const lb = c.service('ingress-nginx/ingress-nginx-controller')!.loadBalancerIP!;
    let state: DynState = EMPTY_STATE;
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = runCommand(c, { from: 'external:client', command: `curl -H 'Host: web.example' http://${lb}/` }, state);
      if (!r.ok || !r.trace) throw new Error('curl');
      seen.push(r.trace.exchanges[1]!.tuple.dst);
      state = r.state;
    }
    expect(new Set(seen).size).toBe(2);
    expect(seen[0]).toBe(seen[2]);
    expect(seen[1]).toBe(seen[3]);
    expect(seen[0]).not.toBe(seen[1]);
  });
});
