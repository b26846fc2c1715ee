import { describe, expect, it } from 'vitest';
import { simulate } from '../stack/simulate';
import { clusterFrom, KIND_3, pod } from '../testing/build';
import { formatBridgeFdb, formatIpNeigh, formatIpRoute } from './iproute';
import { nodeNetnsId, podNetnsId } from '../cluster/netns';
import { EMPTY_STATE } from '../stack/state';

const c = clusterFrom(`${KIND_3}${pod('a', 'kind-worker', [['c', 80]])}${pod('b', 'kind-worker2', [['c', 80]])}`);

describe('iproute2-format tables', () => {
  it('prints the local table with local and broadcast routes as `ip route show table local` does', () => {
    expect(formatIpRoute(c.netns(podNetnsId('default/a')), 'local')).toBe([
      'local 10.244.1.2 dev eth0 proto kernel scope host src 10.244.1.2',
      'broadcast 10.244.1.255 dev eth0 proto kernel scope link src 10.244.1.2',
      'local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1',
      'local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1',
      'broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1',
      '',
    ].join('\n'));
  });

  it('shows the neighbours and learned bridge entries a send leaves behind', () => {
    const r = simulate(c, { from: 'a', to: 'b', port: 80 });
    if (!r.ok) throw new Error(r.error);
    const node = c.netns(nodeNetnsId('kind-worker'));
    expect(formatIpNeigh(node, r.state)).toBe('10.244.1.2 dev cni0 lladdr 0a:58:0a:f4:01:02 REACHABLE\n172.18.0.4 dev eth0 lladdr 02:42:ac:12:00:04 REACHABLE\n');
    const veth = node.devices.find((d) => d.master === 'cni0')!.name;
    const fdb = formatBridgeFdb(node, r.state).split('\n');
    // Learned entries end with the space iproute2 leaves where the state would be.
    expect(fdb).toContain(`0a:58:0a:f4:01:02 dev ${veth} master cni0 `);
    expect(fdb).toContain('0a:58:0a:f4:01:01 dev cni0 vlan 1 master cni0 permanent');
    expect(formatIpNeigh(c.netns(podNetnsId('default/a')), r.state)).toBe('10.244.1.1 dev eth0 lladdr 0a:58:0a:f4:01:01 REACHABLE\n');
  });

  it('prints nothing for an empty neighbour table, as `ip neigh` does', () => {
    expect(formatIpNeigh(c.netns(nodeNetnsId('kind-worker')), EMPTY_STATE)).toBe('');
  });
});
