// The CNI a scenario runs: its plugin, built from the scenario's CNI configuration.
import { assertNever } from '../lib/assert';
import type { Scenario } from '../model/types';
import { awsVpcPlugin } from './aws-vpc';
import { bridgePlugin } from './bridge';
import { calicoPlugin } from './calico';
import { ciliumPlugin } from './cilium/cilium';
import { flannelPlugin } from './flannel';
import { kindnetPlugin } from './kindnet';
import type { CniPlugin } from './types';

export function cniPlugin(scenario: Scenario): CniPlugin {
  const cfg = scenario.settings.cniConfig;
  const mtu = scenario.settings.podMTU;
  const nodeSubnet = scenario.cluster.nodeSubnet;
  switch (cfg.name) {
    case 'bridge': return bridgePlugin(cfg, nodeSubnet, mtu);
    case 'kindnet': return kindnetPlugin(nodeSubnet, mtu);
    case 'flannel': return flannelPlugin(cfg, nodeSubnet, mtu);
    case 'calico': return calicoPlugin(cfg.pools, nodeSubnet, mtu);
    case 'aws-vpc-cni': return awsVpcPlugin(cfg, mtu);
    case 'cilium': return ciliumPlugin(cfg, nodeSubnet, scenario.settings.egressMasquerade, mtu);
    default: return assertNever(cfg, 'CNI');
  }
}
