// One fuzz case: a whole scenario (cluster, settings, namespaces, workloads, Services and
// their EndpointSlices) and a list of sends. Capabilities that land add their generator to
// this record.
import fc from 'fast-check';
import type { FuzzCase, FuzzScenario } from '../model';
import { clusterArb, settingsArb } from './cluster';
import { endpointSlicesArb, servicesArb } from './services';
import { sendsArb } from './sends';
import { deploymentsArb, hostNetworkPodArb, podsArb } from './workloads';

export const scenarioArb: fc.Arbitrary<FuzzScenario> = fc
  .record({
    cluster: clusterArb,
    settings: settingsArb,
    pods: podsArb,
    hostNetwork: fc.option(hostNetworkPodArb, { nil: undefined, freq: 5 }),
    deployments: deploymentsArb,
    services: servicesArb,
  })
  .chain((s) => {
    const pods = s.hostNetwork ? [...s.pods, s.hostNetwork] : s.pods;
    return endpointSlicesArb(s.services, pods.length).map((endpointSlices): FuzzScenario => ({
      cluster: s.cluster, settings: s.settings, namespaces: ['team'], pods, deployments: s.deployments, services: s.services, endpointSlices,
    }));
  });

export const caseArb: fc.Arbitrary<FuzzCase> = fc.record({ scenario: scenarioArb, sends: sendsArb });
