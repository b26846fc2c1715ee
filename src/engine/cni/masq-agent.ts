// Egress masquerading as kind's CNI (kindnet's kind-masq-agent) writes it: traffic from a
// node to anything that is not one of its own addresses goes through KIND-MASQ-AGENT,
// which leaves pod-to-pod traffic alone and MASQUERADEs the rest to the node's address.
// The rule text is copied from a real kind node's `iptables-save`.

export function masqAgentRestore(podSubnet: string): string {
  return [
    '*nat',
    ':KIND-MASQ-AGENT - [0:0]',
    '-A POSTROUTING -m addrtype ! --dst-type LOCAL -m comment --comment "kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain" -j KIND-MASQ-AGENT',
    `-A KIND-MASQ-AGENT -d ${podSubnet} -m comment --comment "kind-masq-agent: local traffic is not subject to MASQUERADE" -j RETURN`,
    '-A KIND-MASQ-AGENT -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE',
    'COMMIT',
    '',
  ].join('\n');
}
