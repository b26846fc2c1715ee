// A reverse lookup (getnameinfo): /etc/hosts, then a PTR query through the resolver, as
// ping and traceroute make one for each address they print a name for.
import type { Conversation } from '../../conversation/conversation';
import type { Sender } from '../../conversation/sender';
import { hostsOf } from '../../dns/hosts';
import { resolvConfOf } from '../../dns/resolvconf';
import { askDns } from '../../dns/server';

export function ptrName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

export function reverseName(conv: Conversation, sender: Sender, ip: string, program: string): string | undefined {
  const hosts = hostsOf(conv.cluster, sender.ns, sender.podKey);
  const local = [...hosts.entries, ...hosts.aliases].find((e) => e.ip === ip);
  if (local) return local.names[0];
  const server = resolvConfOf(conv.cluster, sender.ns, sender.podKey).nameservers[0];
  if (!server) return undefined;
  const r = askDns(conv, { sender, server, name: ptrName(ip), type: 'PTR', asker: `${program}'s reverse lookup (glibc getnameinfo) in ${sender.label}` });
  if (!r.ok) return undefined;
  const ptr = r.response.response?.answers.find((a) => a.type === 'PTR');
  return ptr ? ptr.data.replace(/\.$/, '') : undefined;
}
