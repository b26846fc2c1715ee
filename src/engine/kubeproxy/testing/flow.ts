// Test support: walking packets through a node's kube-proxy rules the way upstream's
// iptablesTracer (proxier_test.go) does, on top of evaluateHook: the node's own addresses are
// LOCAL for addrtype, the nat table decides the endpoint, the mark decides masquerading.
// Used only by tests.
import type { AddrType, NfEnv, NfHook, NfPacket, NfResult, RecentLists } from '../../netfilter/eval-types';
import { evaluateHook } from '../../netfilter/evaluate';
import type { Ruleset } from '../../netfilter/rule-types';
import { TEST_NODE_IPS } from './fake-proxier';

/** upstream newIPTablesTracer: 127.0.0.1, ::1 and the node's addresses are local. */
export const LOCAL_IPS: readonly string[] = ['127.0.0.1', '::1', ...TEST_NODE_IPS];

export function nodeEnv(draws: readonly number[] = [], opts: { recent?: RecentLists; nowSeconds?: number; localIPs?: readonly string[] } = {}): NfEnv {
  const local = opts.localIPs ?? LOCAL_IPS;
  let i = 0;
  return {
    addrType: (ip: string): AddrType => (local.includes(ip) || ip.startsWith('127.') ? 'LOCAL' : 'UNICAST'),
    random31: () => draws[i++] ?? 0,
    nowSeconds: opts.nowSeconds ?? 1000,
    recent: opts.recent ?? new Map(),
  };
}

export function packet(src: string, dst: string, dport: number, fields: Partial<NfPacket> = {}): NfPacket {
  return { src, dst, proto: 'tcp', sport: 40000, dport, mark: 0, ctstate: ['NEW'], ...fields };
}

/** The nat table's answer for a new connection: "IP:port" it is DNATed to (or null) and the masquerade bit. */
export function natDecision(rs: Ruleset, hook: NfHook, p: NfPacket, env: NfEnv): { endpoint: string | null; masq: boolean; result: NfResult } {
  const result = evaluateHook(rs, 'nat', hook, p, env);
  const endpoint = result.nat?.kind === 'DNAT' ? `${result.nat.toAddr}:${result.nat.toPort ?? p.dport}` : null;
  return { endpoint, masq: (result.mark & 0x4000) !== 0, result };
}

/** Every endpoint the connection can reach, trying the random draws that pick each statistic branch. */
export function reachableEndpoints(rs: Ruleset, hook: NfHook, p: NfPacket, localIPs?: readonly string[]): { endpoints: string[]; masq: boolean[] } {
  const endpoints = new Set<string>();
  const masq = new Set<boolean>();
  // A draw of 0 takes a statistic branch, 0x7fffffff never does; three levels cover three endpoints.
  for (const draws of [[0], [0x7fffffff, 0], [0x7fffffff, 0x7fffffff, 0], [0x7fffffff, 0x7fffffff, 0x7fffffff]]) {
    const d = natDecision(rs, hook, p, nodeEnv(draws, localIPs ? { localIPs } : {}));
    if (d.endpoint) endpoints.add(d.endpoint);
    masq.add(d.masq);
  }
  return { endpoints: [...endpoints].sort(), masq: [...masq].sort() };
}
