// Every kind of network device in one table: how it transmits a frame, what it does with a
// frame that arrives, whether output resolves a next hop's MAC (and who answers the ARP), its
// default MTU and the bytes it adds when it encapsulates, and how `ip link` shows it. A new
// kind is a new row; the type makes a missing row a compile error.
import type { Device, Netns } from '../cluster/types';
import type { Pkt } from './packet';
import type { Outcome, Walk } from './walk';
import { bridgeXmit } from './bridge';
import { arpBridge, arpSegment, arpVethPeer, dummyArrives, dummyXmit, etherXmit, frameArrives, loopbackXmit, vethXmit, type Responder } from './l2';
import { tunnelArrives, tunnelXmit } from './tunnel';

export interface LinkFacts {
  /** The flags `ip link` prints between angle brackets. */
  readonly flags: (d: Device) => string;
  readonly qdisc: (d: Device) => string;
  readonly state: (d: Device) => 'UP' | 'DOWN' | 'UNKNOWN';
  /** txqueuelen; iproute2 prints `qlen N` only when it is not 0. */
  readonly qlen: (d: Device) => number;
  /** The `link/...` line: ether (with the MAC), loopback, ipip (endpoints), none. */
  readonly linkType: 'ether' | 'loopback' | 'ipip';
}

export interface DeviceBehaviour {
  readonly link: LinkFacts;
  readonly defaultMtu: number;
  /** Bytes the device adds around what it carries (VXLAN 50, IP-in-IP 20, others 0). */
  readonly overhead: number;
  /** Whether output resolves the next hop's MAC (false for NOARP devices: loopback, IP-in-IP, dummy). */
  readonly arp: boolean;
  /** Who answers an ARP request for `target` sent out of this device (undefined: nobody). */
  readonly neighbour: (w: Walk, ns: Netns, dev: Device, target: string) => Responder | undefined;
  /** Puts a frame (or, for a tunnel, a packet) on the device. */
  readonly xmit: (w: Walk, ns: Netns, dev: Device, nexthop: string, pkt: Pkt) => Outcome;
  /** A frame arrives on the device from its link (its tc ingress program has run). */
  readonly arrive: (w: Walk, ns: Netns, dev: Device, pkt: Pkt) => Outcome;
}

const up = (d: Device) => (d.up ? ',UP,LOWER_UP' : '');
const noArp = () => undefined;

export const DEVICE_KINDS: { readonly [K in Device['kind']]: DeviceBehaviour } = {
  loopback: {
    link: { flags: () => '<LOOPBACK,UP,LOWER_UP>', qdisc: () => 'noqueue', state: () => 'UNKNOWN', qlen: () => 1000, linkType: 'loopback' },
    defaultMtu: 65536, overhead: 0, arp: false, neighbour: noArp, xmit: loopbackXmit, arrive: frameArrives,
  },
  veth: {
    link: { flags: (d) => `<BROADCAST,MULTICAST${d.noarp ? ',NOARP' : ''}${up(d)}>`, qdisc: () => 'noqueue', state: (d) => (d.up ? 'UP' : 'DOWN'), qlen: (d) => d.txqlen ?? 0, linkType: 'ether' },
    defaultMtu: 1500, overhead: 0, arp: true, neighbour: arpVethPeer, xmit: vethXmit, arrive: frameArrives,
  },
  bridge: {
    link: { flags: (d) => `<BROADCAST,MULTICAST${d.promisc ? ',PROMISC' : ''}${up(d)}>`, qdisc: () => 'noqueue', state: (d) => (d.up ? 'UP' : 'DOWN'), qlen: () => 1000, linkType: 'ether' },
    defaultMtu: 1500, overhead: 0, arp: true, neighbour: arpBridge, xmit: bridgeXmit, arrive: frameArrives,
  },
  ether: {
    // A kind node's eth0 is a veth whose peer is a port of docker's bridge; a cloud VM's is a NIC with a multiqueue qdisc.
    link: {
      flags: (d) => `<BROADCAST,MULTICAST${up(d)}>`, qdisc: (d) => (d.linkPeerIfindex !== undefined ? 'noqueue' : 'mq'),
      state: (d) => (d.up ? 'UP' : 'DOWN'), qlen: (d) => (d.linkPeerIfindex !== undefined ? 0 : 1000), linkType: 'ether',
    },
    defaultMtu: 1500, overhead: 0, arp: true, neighbour: arpSegment, xmit: etherXmit, arrive: frameArrives,
  },
  dummy: {
    link: { flags: (d) => `<BROADCAST,NOARP${up(d)}>`, qdisc: (d) => (d.up ? 'noqueue' : 'noop'), state: (d) => (d.up ? 'UNKNOWN' : 'DOWN'), qlen: () => 0, linkType: 'ether' },
    defaultMtu: 1500, overhead: 0, arp: false, neighbour: noArp, xmit: dummyXmit, arrive: dummyArrives,
  },
  vxlan: {
    // flanneld creates flannel.1 with txqueuelen 0 (a netlink LinkAttrs left at zero); Cilium keeps the kernel's 1000.
    link: { flags: (d) => `<BROADCAST,MULTICAST${up(d)}>`, qdisc: () => 'noqueue', state: (d) => (d.up ? 'UNKNOWN' : 'DOWN'), qlen: (d) => d.txqlen ?? 0, linkType: 'ether' },
    // Without learning, ARP on a VXLAN device gets no answer: the neighbours are the entries its agent installs.
    defaultMtu: 1450, overhead: 50, arp: true, neighbour: noArp, xmit: tunnelXmit, arrive: tunnelArrives,
  },
  ipip: {
    link: { flags: (d) => `<NOARP${up(d)}>`, qdisc: () => 'noqueue', state: (d) => (d.up ? 'UNKNOWN' : 'DOWN'), qlen: () => 1000, linkType: 'ipip' },
    defaultMtu: 1480, overhead: 20, arp: false, neighbour: noArp, xmit: tunnelXmit, arrive: tunnelArrives,
  },
};
