// The node network a plugin runs on. kind (and an on-premises rack) is one layer-2 segment:
// docker's network "kind", 172.18.0.0/16, its gateway .1, node i at .(i+2). An AWS VPC is a
// routed fabric: a CIDR cut into one subnet per availability zone, each with the VPC router at
// its .1 (the VPC reserves .0 to .3), nodes spread over the zones; traffic between nodes in
// different subnets is routed by the VPC router, and every address an ENI holds (the node's
// and its pods' secondary addresses) is reachable on its subnet.
import { cidrText, nthAddress, nthSubnet, parseCidr, type Cidr } from '../lib/ip';
import type { NodePlacement } from './types';

export interface UnderlaySegment {
  /** The wire's id: "kind", "subnet-a". */
  readonly id: string;
  readonly cidr: Cidr;
  /** The router's address on this segment: the default gateway of its nodes. */
  readonly gatewayIp: string;
  /** The router's device on this segment. */
  readonly gatewayDev: string;
  readonly label: string;
  readonly details: readonly string[];
}

export interface Underlay {
  readonly kind: 'l2' | 'vpc';
  /** The whole node network (172.18.0.0/16; the VPC CIDR). */
  readonly cidr: Cidr;
  readonly segments: readonly UnderlaySegment[];
  /** The router between the node network and the internet: "gateway", "VPC router". */
  readonly routerLabel: string;
  readonly routerDetails: string;
  /** The router's device towards the internet. */
  readonly internetDev: string;
  /** Where the i-th node sits; `stride` addresses are kept for each node's ENIs on a VPC. */
  place(index: number): NodePlacement;
}

/** docker's network "kind": one bridge, one subnet. */
export function kindNetwork(cidrText_: string): Underlay {
  const cidr = parseCidr(cidrText_);
  const seg: UnderlaySegment = {
    id: 'kind', cidr, gatewayIp: nthAddress(cidr, 1), gatewayDev: 'eth0',
    label: `node network ${cidrText(cidr)}`, details: ['docker network "kind"'],
  };
  return {
    kind: 'l2', cidr, segments: [seg], routerLabel: 'gateway', routerDetails: 'router between the node network and the internet', internetDev: 'eth1',
    place: (i) => ({ ip: nthAddress(cidr, i + 2), segment: seg.id, subnet: cidr, gatewayIp: seg.gatewayIp }),
  };
}

/** Availability zones, as eksctl spreads a cluster's subnets. */
const ZONES = ['a', 'b', 'c'] as const;

/** Addresses each node keeps in its subnet for its ENIs (enough for 4 ENIs of 15 addresses). */
export const VPC_NODE_STRIDE = 64;

/** A VPC of three /19 subnets (eksctl's default layout), nodes round-robin over them. */
export function vpcNetwork(vpcText: string): Underlay {
  const cidr = parseCidr(vpcText);
  const prefix = Math.min(cidr.prefix + 3, 24);
  const segments: UnderlaySegment[] = ZONES.map((z, i) => {
    const sub = nthSubnet(cidr, prefix, i);
    return {
      id: `subnet-${z}`, cidr: sub, gatewayIp: nthAddress(sub, 1), gatewayDev: `eth${i}`,
      label: `subnet ${cidrText(sub)} (us-east-1${z})`, details: [`VPC ${cidrText(cidr)}`, `availability zone us-east-1${z}`],
    };
  });
  return {
    kind: 'vpc', cidr, segments, routerLabel: 'VPC router', routerDetails: 'the VPC\'s implicit router between its subnets, with the internet gateway beyond', internetDev: `eth${segments.length}`,
    place: (i) => {
      const seg = segments[i % segments.length]!;
      const slot = Math.floor(i / segments.length);
      return { ip: nthAddress(seg.cidr, 16 + slot * VPC_NODE_STRIDE), segment: seg.id, subnet: seg.cidr, gatewayIp: seg.gatewayIp };
    },
  };
}
