// `ip link` and `ip rule` as iproute2 prints them. `ip link` is `ip addr` without the
// addresses, with the link mode; `ip rule` lists the kernel's three default rules (local,
// main, default), since podpath's namespaces do no policy routing yet.
import type { Netns } from '../cluster/types';
import { formatIpAddr } from './iproute';

/** `ip link`: each device's header (mode DEFAULT before the group) and its link line. */
export function formatIpLink(ns: Netns, podNetnsName: (id: string) => string): string {
  const lines = formatIpAddr(ns, podNetnsName).split('\n').filter((l) => l !== '' && !l.startsWith('    inet') && !l.startsWith('       valid_lft'));
  return `${lines.map((l) => (/^\d+: /.test(l) ? l.replace(' group default', ' mode DEFAULT group default') : l)).join('\n')}\n`;
}

/** `ip rule`: the kernel's default policy routing rules. */
export function formatIpRule(): string {
  return '0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n';
}
