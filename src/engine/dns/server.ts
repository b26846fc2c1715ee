// A DNS query as an exchange: the question goes out as a real UDP datagram (to the kube-dns
// ClusterIP, say, DNATed to a CoreDNS pod), the server that receives it answers, and the
// answer is walked back. The servers: CoreDNS answers the cluster's zone itself and forwards
// everything else to the nameserver in its own resolv.conf (`forward . /etc/resolv.conf`),
// resolving an ExternalName's target the same way; docker's embedded DNS on the gateway
// answers the node containers' names and forwards the rest to the public resolver; the
// public resolver on the internet knows the internet's names. Each forward is an exchange
// of its own, made by the one being answered.
import type { Netns } from '../cluster/types';
import type { DnsPayload, DnsRecord, DnsType } from '../trace/types';
import type { Conversation } from '../conversation/conversation';
import { ephemeralPort, sourceAddress, type Sender } from '../conversation/sender';
import { udpAnswer, udpSend } from '../conversation/udp';
import { findListener } from '../stack/deliver';
import { where, Where } from '../stack/walk';
import { appOf } from '../apps/app';
import { clusterAnswer, inClusterZone } from './records';
import { internetAnswer } from './internet';
import { dnsQuery, dnsResponse, fqdn, responseWords } from './message';
import { resolvConfOf } from './resolvconf';

export interface DnsAsk {
  readonly sender: Sender;
  readonly server: string;
  readonly port?: number;
  /** The client socket's port; a new ephemeral one when absent. */
  readonly sport?: number;
  readonly name: string;
  readonly type: DnsType;
  /** The exchange this query is made for (a forward). */
  readonly parent?: number;
  /** Who asks, for the opening hop ("glibc's resolver in container web asks"). */
  readonly asker?: string;
}

export type DnsReply =
  | { readonly ok: true; readonly response: DnsPayload; readonly exchange: number; readonly ms: number }
  | { readonly ok: false; readonly failure: 'timeout' | 'refused' | 'unreachable'; readonly exchange: number; readonly ms: number };

interface ServerEnd { readonly ns: Netns; readonly owner: string }

/** Sends one query and walks its answer; the reply says what came back. */
export function askDns(conv: Conversation, ask: DnsAsk): DnsReply {
  const port = ask.port ?? 53;
  const sport = ask.sport ?? ephemeralPort(conv);
  const src = sourceAddress(ask.sender.ns, ask.server);
  const start = conv.now;
  const query = dnsQuery(conv.rng.int(0, 65535), ask.name, ask.type);
  const ex = conv.open({
    kind: 'dns', title: `look up ${query.question.name.replace(/\.$/, '')} (${ask.type})`, from: ask.sender.label,
    ...(ask.sender.ns.kind === 'pod' || ask.sender.podKey ? { container: ask.sender.owner } : {}),
    to: `nameserver ${ask.server}`, tuple: { src, dst: ask.server, proto: 'udp', sport, dport: port }, ...(ask.parent !== undefined ? { parent: ask.parent } : {}),
  });
  const spec = {
    sender: ask.sender, src, sport, dst: ask.server, dport: port, dstLabel: `nameserver ${ask.server}`, name: 'DNS query', payload: query,
    opening: `${ask.asker ?? `${ask.sender.owner} in ${where(ask.sender.ns)}`} asks ${ask.server} for the ${ask.type} record of ${query.question.name} (a UDP datagram from port ${sport} to port ${port}, query id ${query.id}).`,
    app: { kind: 'dns' as const, rule: `;${query.question.name}\t\tIN\t${ask.type}`, table: 'dns' },
  };
  const sent = udpSend(conv, ex, spec);
  if (!sent.ok) {
    ex.result = sent.failure === 'timeout' ? 'no answer' : 'refused';
    return { ok: false, failure: sent.failure, exchange: ex.id, ms: conv.now - start };
  }
  const s = sent.server;
  const listener = findListener(s.ns, 'udp', s.addr, s.port);
  const app = listener && appOf(conv.cluster, s.ns, listener);
  if (!app || app.kind !== 'dns') {
    ex.result = 'not a DNS server: no answer';
    return { ok: false, failure: 'timeout', exchange: ex.id, ms: conv.now - start };
  }
  const server: ServerEnd = { ns: s.ns, owner: s.owner };
  // A cache hit or an answer from memory takes the server a fraction of a millisecond; the public resolver, a few.
  conv.wait(app.role === 'resolver' ? 4 : 0.08);
  const response = app.role === 'coredns' ? coredns(conv, server, query, ex.id)
    : app.role === 'forwarder' ? forwarder(conv, server, query, ex.id)
      : resolver(conv, query);
  const words = responseWords(response);
  ex.result = words;
  const back = udpAnswer(conv, ex, spec, s, {
    name: 'DNS answer', payload: response, app: { kind: 'dns', rule: answerText(response), table: 'dns' },
    opening: `${Where(s.ns)}: ${s.owner} answers ${query.question.name} ${ask.type}: ${words}.`,
    reads: `The DNS answer (id ${query.id}: ${words}) reaches the resolver's socket, from ${ask.server}:${port}, the address it asked.`,
  });
  if (back.kind !== 'delivered') return { ok: false, failure: 'timeout', exchange: ex.id, ms: conv.now - start };
  return { ok: true, response, exchange: ex.id, ms: conv.now - start };
}

/** The answer as dig shows its sections: the status, then each record in zone-file columns. */
function answerText(p: DnsPayload): string {
  const r = p.response!;
  const rec = (x: DnsRecord) => `${x.name}\t${x.ttl}\tIN\t${x.type}\t${x.data}`;
  return [`status: ${r.rcode}, flags: qr${r.aa ? ' aa' : ''} rd${r.ra ? ' ra' : ''}`, ...r.answers.map(rec), ...r.authority.map(rec), ...r.additional.map(rec)].join('\n');
}

/** A forwarding server asks its own upstream and passes the answer on (not authoritative, recursion available). */
function forward(conv: Conversation, from: ServerEnd, upstream: string, query: DnsPayload, parent: number, asker: string): DnsPayload {
  const sender: Sender = { ns: from.ns, owner: from.owner, label: from.ns.kind === 'pod' ? `pod ${from.ns.name}` : where(from.ns) };
  const reply = askDns(conv, { sender, server: upstream, name: query.question.name, type: query.question.type, parent, asker });
  if (!reply.ok || !reply.response.response) return dnsResponse(query, { rcode: 'SERVFAIL', aa: false, ra: true });
  const r = reply.response.response;
  return dnsResponse(query, { rcode: r.rcode, aa: false, ra: true, answers: r.answers, authority: r.authority, additional: r.additional });
}

function coredns(conv: Conversation, self: ServerEnd, query: DnsPayload, parent: number): DnsPayload {
  const q = query.question;
  const z = clusterAnswer(conv.cluster, q.name, q.type);
  const upstream = () => resolvConfOf(conv.cluster, self.ns).nameservers[0] ?? conv.cluster.gateway.ip;
  if (z === 'fallthrough') return forward(conv, self, upstream(), query, parent, `CoreDNS (forward . /etc/resolv.conf) in ${where(self.ns)}`);
  let answers: readonly DnsRecord[] = z.answers;
  if (z.chase) {
    // An ExternalName: CoreDNS resolves the target through its own chain and adds what it finds.
    const target = z.chase;
    if (inClusterZone(target)) {
      const t = clusterAnswer(conv.cluster, target, q.type);
      if (t !== 'fallthrough') answers = [...answers, ...t.answers];
    } else {
      const t = forward(conv, self, upstream(), dnsQuery(query.id, target, q.type), parent, `CoreDNS (resolving the CNAME target ${target}) in ${where(self.ns)}`);
      answers = [...answers, ...(t.response?.answers ?? [])];
    }
  }
  return dnsResponse(query, { rcode: z.rcode, aa: true, ra: false, answers, authority: z.authority, additional: z.additional });
}

/** Docker's embedded DNS: the containers of the docker network by name, then the host's resolver. */
function forwarder(conv: Conversation, self: ServerEnd, query: DnsPayload, parent: number): DnsPayload {
  const q = query.question;
  const node = conv.cluster.nodes.find((n) => fqdn(n.name).toLowerCase() === q.name.toLowerCase());
  if (node) {
    const answers: DnsRecord[] = q.type === 'A' ? [{ name: q.name, ttl: 600, type: 'A', data: node.ip }] : [];
    return dnsResponse(query, { rcode: 'NOERROR', aa: false, ra: true, answers });
  }
  return forward(conv, self, conv.cluster.scenario.settings.upstreamDNS, query, parent, `docker's embedded DNS on ${where(self.ns)}`);
}

function resolver(conv: Conversation, query: DnsPayload): DnsPayload {
  const a = internetAnswer(conv.cluster, query.question.name, query.question.type);
  return dnsResponse(query, { rcode: a.rcode, aa: false, ra: true, answers: a.answers, authority: a.authority });
}
