// The catalogue of reasons a packet does not arrive: a code, a short title and a plain
// explanation. Hops and traces refer to these codes, never to ad-hoc strings.
import type { DropReason } from './types';

export const DROPS = {
  'no-route': { title: 'No route to the destination', explanation: 'The routing table has no entry that covers the destination address, so the kernel cannot choose a next hop.' },
  'ttl-exceeded': { title: 'TTL ran out', explanation: 'Each router lowers the TTL by one; at zero the packet is discarded and an ICMP "time exceeded" goes back. A TTL that runs out usually means the routes form a loop.' },
  'neigh-failed': { title: 'Neighbour not found', explanation: 'ARP asked who holds the next-hop address on that link and nobody answered, so the frame has no destination MAC.' },
  'port-unreachable': { title: 'Nothing listens on that port', explanation: 'The packet reached the right machine but no socket is bound to the destination port. UDP answers with ICMP "port unreachable".' },
  'tcp-reset': { title: 'Connection refused', explanation: 'The packet reached the right machine but no socket listens on the destination port, so the kernel answers the SYN with a TCP RST.' },
  'sctp-abort': { title: 'Connection refused', explanation: 'The packet reached the right machine but no SCTP socket is bound to the destination port, so the kernel answers the INIT with an ABORT.' },
  'forwarding-disabled': { title: 'IP forwarding is off', explanation: 'The packet is not for this namespace and net.ipv4.ip_forward is 0 here, so it is not routed onwards.' },
  'not-for-us': { title: 'Frame not addressed to this interface', explanation: 'The destination MAC address belongs to another interface, so this one ignores the frame.' },
  'hairpin': { title: 'Bridge will not send a frame back out of the port it came in on', explanation: 'Without hairpin mode a bridge never forwards a frame to the port it arrived on.' },
  'host-unreachable': { title: 'Destination host unreachable', explanation: 'The last router knows the network but no host there holds the address.' },
  'blackhole': { title: 'Blackhole route', explanation: 'A blackhole route silently discards what it matches.' },
  'unreachable-route': { title: 'Unreachable route', explanation: 'An unreachable route rejects what it matches with ICMP "host unreachable".' },
  'netfilter-drop': { title: 'Dropped by a firewall rule', explanation: 'A netfilter rule with target DROP matched the packet.' },
  'netfilter-reject': { title: 'Rejected by a firewall rule', explanation: 'A netfilter rule with target REJECT matched; the sender gets an ICMP error (or a TCP RST).' },
  'loop': { title: 'The walk went round too long', explanation: 'podpath stops a walk after a fixed number of hops; the state probably makes frames circle at layer 2.' },
  'filtered': { title: 'No answer: a firewall dropped the packet', explanation: 'The host serves nothing on that port and its firewall discards such packets without an answer, so the client waits until it gives up.' },
  'policy-egress': { title: 'Denied by NetworkPolicy (egress)', explanation: 'A NetworkPolicy selects the sending pod for egress, and no rule of the policies that select it allows this destination, protocol and port. The plugin that enforces policy drops the packet without an answer, so the client waits until it gives up.' },
  'policy-ingress': { title: 'Denied by NetworkPolicy (ingress)', explanation: 'A NetworkPolicy selects the destination pod for ingress, and no rule of the policies that select it allows this source, protocol and port. The plugin that enforces policy drops the packet without an answer, so the client waits until it gives up.' },
  'timeout': { title: 'No answer in time', explanation: 'Nothing came back before the client gave up waiting.' },
  'frag-needed': { title: 'Too big for the next link, and DF set', explanation: 'The packet is larger than the MTU of the device it must leave by, and its Don\'t Fragment bit forbids splitting it. A router drops it and sends back ICMP "fragmentation needed" with the MTU it can take; the sender\'s kernel remembers that path MTU.' },
  'message-too-long': { title: 'Message too long', explanation: 'The socket asked for a packet bigger than the route\'s MTU with fragmentation forbidden, so the kernel refuses to send it (EMSGSIZE).' },
  'policy-denied': { title: 'Denied by a NetworkPolicy', explanation: 'A NetworkPolicy selects the pod and no rule of it allows this traffic, so the CNI\'s policy enforcement drops the packet.' },
  'bpf-drop': { title: 'Dropped by an eBPF program', explanation: 'A program the CNI attached to a device (Cilium\'s datapath) decided the packet goes no further.' },
  'bad-source': { title: 'No usable source address', explanation: 'The sender has no address it could put in the packet for this route.' },
} as const satisfies Record<string, Omit<DropReason, 'code'>>;

export type DropCode = keyof typeof DROPS;

export function dropReason(code: DropCode): DropReason {
  return { code, ...DROPS[code] };
}
