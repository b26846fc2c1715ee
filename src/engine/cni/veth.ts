// A pod's veth pair as the plugins create it: the pod's end is eth0 (holding the pod's
// address), the node's end has a name the plugin chooses: `veth` and 8 random hex digits
// (bridge, ptp, flannel's bridge), `cali` + 11 hex digits of sha1("<ns>.<pod>") (Calico),
// `eni` + the same hash (AWS VPC CNI), `lxc` + 12 hex digits (Cilium). Interface indexes
// are stable: the node's end gets `hostIfindex`, the pod's eth0 is 2.
import { workloadInterface } from '../policy/calico/ids';
import { nthAddress, type Cidr } from '../lib/ip';
import { sha1Hex, sha256Hex } from '../lib/hash';
import type { Address, ClusterPod, Device, NetnsId } from '../cluster/types';

export const POD_ETH0_IFINDEX = 2;

/** Calico's VethNameForWorkload (libcalico-go conversion/workload_endpoint_default.go). */
export const caliName = (pod: ClusterPod) => workloadInterface(pod.spec.namespace, pod.spec.name);

/** The AWS VPC CNI's GeneratePodHostVethName (pkg/networkutils/names.go) with its default prefix "eni". */
export const eniVethName = (pod: ClusterPod) => `eni${sha1Hex(`${pod.spec.namespace}.${pod.spec.name}`).slice(0, 11)}`;

/** Cilium's lxc name: "lxc" and the start of a SHA-256 of the endpoint's container ID (here: of the pod). */
export const lxcName = (pod: ClusterPod) => `lxc${sha256Hex(`container:${pod.key}`).slice(0, 12)}`;

const bcast = (c: Cidr) => nthAddress(c, 2 ** (32 - c.prefix) - 1);

/** The pod's address on eth0: inside the node's range (bridge, ptp: a /24 with its broadcast) or alone (/32). */
export function podAddress(ip: string, range?: Cidr): Address {
  return range ? { ip, prefix: range.prefix, scope: 'global', brd: bcast(range) } : { ip, prefix: 32, scope: 'global' };
}

export interface VethSpec {
  readonly pod: ClusterPod;
  readonly podNetns: NetnsId;
  readonly nodeNetns: NetnsId;
  readonly hostName: string;
  readonly hostMac: string;
  readonly hostIfindex: number;
  readonly podMac: string;
  readonly podAddr: Address;
  readonly mtu: number;
  readonly host?: Partial<Pick<Device, 'master' | 'addrs' | 'proxyArp' | 'bpfArp' | 'tc' | 'hairpin'>>;
}

/** Both ends of a pod's veth pair. */
export function vethPair(s: VethSpec): { readonly host: Device; readonly pod: Device } {
  const host: Device = {
    name: s.hostName, ifindex: s.hostIfindex, kind: 'veth', mac: s.hostMac, mtu: s.mtu, addrs: [], up: true,
    peer: { netns: s.podNetns, device: 'eth0', ifindex: POD_ETH0_IFINDEX }, ...s.host,
  };
  const pod: Device = {
    name: 'eth0', ifindex: POD_ETH0_IFINDEX, kind: 'veth', mac: s.podMac, mtu: s.mtu, addrs: [s.podAddr], up: true,
    peer: { netns: s.nodeNetns, device: s.hostName, ifindex: s.hostIfindex },
  };
  return { host, pod };
}
