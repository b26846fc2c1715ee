import { describe, expect, it } from 'vitest';
import { categorizeEndpoints, endpointInfos, type EndpointInfo } from './endpoints';
import { TEST_NODE_NAME, testEndpoint } from './testing/fake-proxier';

const local = { nodeName: TEST_NODE_NAME };
const terminating = { ready: false, serving: true, terminating: true };
const strs = (eps: readonly EndpointInfo[]): string[] => eps.map((e) => e.str);

const CLUSTER = { usesClusterEndpoints: true, usesLocalEndpoints: false };
const LOCAL = { usesClusterEndpoints: false, usesLocalEndpoints: true };
const BOTH = { usesClusterEndpoints: true, usesLocalEndpoints: true };

describe('endpointInfos (EndpointsMap)', () => {
  it('keeps one endpoint per "IP:port" of the family, sorted by that string', () => {
    const eps = [testEndpoint('10.0.0.9'), testEndpoint('10.0.0.10'), testEndpoint('10.0.0.9', 80, local), testEndpoint('fd00::1')];
    const v4 = endpointInfos(eps, TEST_NODE_NAME, 4);
    expect(strs(v4)).toEqual(['10.0.0.10:80', '10.0.0.9:80']);
    expect(v4.map((e) => e.isLocal)).toEqual([false, false]);
    expect(strs(endpointInfos(eps, TEST_NODE_NAME, 6))).toEqual(['[fd00::1]:80']);
  });
});

describe('categorizeEndpoints (CategorizeEndpoints without topology)', () => {
  const infos = (...eps: Parameters<typeof testEndpoint>[]): EndpointInfo[] => endpointInfos(eps.map((a) => testEndpoint(...a)), TEST_NODE_NAME, 4);

  it('uses the ready endpoints, and the serving terminating ones only when none is ready', () => {
    const mixed = infos(['10.0.0.1'], ['10.0.0.2', 80, terminating], ['10.0.0.3', 80, { ready: false, serving: false, terminating: true }]);
    expect(strs(categorizeEndpoints(mixed, CLUSTER).cluster)).toEqual(['10.0.0.1:80']);
    const none = infos(['10.0.0.2', 80, terminating], ['10.0.0.3', 80, { ready: false, serving: false, terminating: true }]);
    expect(categorizeEndpoints(none, CLUSTER)).toMatchObject({ hasAny: true, local: [] });
    expect(strs(categorizeEndpoints(none, CLUSTER).allReachable)).toEqual(['10.0.0.2:80']);
  });

  it('falls back to serving terminating endpoints for Local policy on its own, and reaches both lists', () => {
    const eps = infos(['10.0.0.1'], ['10.0.0.2', 80, { ...terminating, ...local }]);
    const c = categorizeEndpoints(eps, BOTH);
    expect([strs(c.cluster), strs(c.local), strs(c.allReachable)]).toEqual([['10.0.0.1:80'], ['10.0.0.2:80'], ['10.0.0.1:80', '10.0.0.2:80']]);
  });

  it('reaches only the cluster list when the local endpoints are ready ones', () => {
    const eps = infos(['10.0.0.1'], ['10.0.0.2', 80, local]);
    const c = categorizeEndpoints(eps, BOTH);
    expect([strs(c.local), c.allReachable]).toEqual([['10.0.0.2:80'], c.cluster]);
  });

  it('counts a remote endpoint as some endpoint even when Local policy has none on this node', () => {
    const c = categorizeEndpoints(infos(['10.0.0.1']), LOCAL);
    expect(c).toMatchObject({ cluster: [], local: [], allReachable: [], hasAny: true });
  });

  it('has nothing for a port without endpoints', () => {
    expect(categorizeEndpoints([], BOTH)).toEqual({ cluster: [], local: [], allReachable: [], hasAny: false });
  });
});
