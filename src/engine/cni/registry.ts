// The CNI a scenario runs: its plugin, built from the scenario's CNI configuration.
import { assertNever } from '../lib/assert';
import type { Scenario } from '../model/types';
import { bridgePlugin } from './bridge';
import type { CniPlugin } from './types';

export function cniPlugin(scenario: Scenario): CniPlugin {
  const cfg = scenario.settings.cniConfig;
  const mtu = scenario.settings.podMTU;
  const nodeSubnet = scenario.cluster.nodeSubnet;
  switch (cfg.name) {
    case 'bridge': return bridgePlugin(cfg, nodeSubnet, mtu);
    case 'kindnet':
    case 'flannel':
    case 'calico':
    case 'aws-vpc-cni':
    case 'cilium':
      throw new Error(`${cfg.name}: not wired yet`);
    default: return assertNever(cfg, 'CNI');
  }
}
