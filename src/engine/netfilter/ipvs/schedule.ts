// IPVS scheduling in the kernel (net/netfilter/ipvs): finding the virtual server of a
// packet, persistence templates (ip_vs_sched_persist: one template per client IP and
// virtual service, refreshed while used), and the schedulers kube-proxy offers —
// rr/wrr (ip_vs_rr.c, ip_vs_wrr.c; equal weights make wrr walk like rr), lc (ip_vs_lc.c),
// sh (ip_vs_sh.c: 256 buckets, hash_32 of the client address). Destinations are walked in
// kernel list order, which is the reverse of the order they were added.
import { ipToInt } from '../../lib/ip';
import type { NfEnv, NfPacket } from '../eval-types';
import type { IpvsRealServer, IpvsState, IpvsVirtualServer } from './types';
import { virtualServerKey } from './types';

/**
 * Where IPVS sits in netfilter (ip_vs_core.c ip_vs_ops4): new connections to a virtual
 * server are scheduled and DNATed at LOCAL_IN after the filter table (NF_IP_PRI_NAT_SRC - 1)
 * for packets from elsewhere, and at LOCAL_OUT right after nat OUTPUT (NF_IP_PRI_NAT_DST + 2)
 * for the node's own processes. The DNATed packet then leaves through LOCAL_OUT and
 * POSTROUTING (where KUBE-POSTROUTING may masquerade it); replies are un-NATed at
 * LOCAL_IN (98) and FORWARD (100).
 */
export const IPVS_HOOK_PRIORITIES = {
  request: { INPUT: 99, OUTPUT: -98 },
  reply: { INPUT: 98, FORWARD: 100, OUTPUT: -99 },
} as const;

/** Per-node IPVS scheduler state, kept by the caller between packets. */
export interface IpvsSchedState {
  /** rr/wrr: index (in kernel order) of the last destination chosen, per virtual server key. */
  readonly position: Map<string, number>;
  /** Persistence templates: "vsKey|clientIP" → destination "ip:port" and expiry time (s). */
  readonly templates: Map<string, { readonly dest: string; readonly expires: number }>;
  /** lc: connections handed to each destination ("vsKey|ip:port"); never decremented here. */
  readonly connections: Map<string, number>;
}

export function createIpvsSchedState(): IpvsSchedState {
  return { position: new Map(), templates: new Map(), connections: new Map() };
}

export type IpvsScheduleResult =
  | {
      readonly kind: 'realServer';
      readonly realServer: IpvsRealServer;
      /** 'template': an existing persistence template chose it; 'scheduler': the algorithm did. */
      readonly by: 'template' | 'scheduler';
      readonly explanation: string;
    }
  /** No usable destination: IPVS answers ICMP port unreachable (ip_vs_leave) and drops. */
  | { readonly kind: 'noRealServer'; readonly explanation: string };

/** The virtual server a packet is addressed to, if any (ip_vs_service_find). */
export function ipvsFindVirtualServer(state: IpvsState, pkt: NfPacket): IpvsVirtualServer | undefined {
  if (pkt.proto === 'icmp') return undefined;
  const proto = pkt.proto === 'tcp' ? 'TCP' : pkt.proto === 'udp' ? 'UDP' : 'SCTP';
  return state.virtualServers.get(virtualServerKey(proto, pkt.dst, pkt.dport));
}

const rsKey = (rs: IpvsRealServer): string => `${rs.address}:${rs.port}`;

/** hash_32(val, bits) of include/linux/hash.h. */
function hash32(val: number, bits: number): number {
  return Math.imul(val >>> 0, 0x61c88647) >>> (32 - bits);
}

function pickByScheduler(vs: IpvsVirtualServer, kernel: readonly IpvsRealServer[], pkt: NfPacket, state: IpvsSchedState): number {
  const n = kernel.length;
  switch (vs.scheduler) {
    case 'sh':
    case 'mh': {
      // ip_vs_sh_reassign fills 256 buckets round-robin over the list (weight 1 each).
      const bucket = hash32(ipToInt(pkt.src), 8);
      return bucket % n;
    }
    case 'lc': {
      let best = 0;
      let bestConns = Infinity;
      kernel.forEach((rs, i) => {
        const c = state.connections.get(`${vs.key}|${rsKey(rs)}`) ?? 0;
        if (c < bestConns) {
          best = i;
          bestConns = c;
        }
      });
      return best;
    }
    default: {
      // rr, wrr (all weights 1) and anything else: the next destination after the last one.
      const last = state.position.get(vs.key) ?? -1;
      return (last + 1) % n;
    }
  }
}

/**
 * Chooses the real server for the first packet of a connection to `vs`. Persistent
 * virtual servers (ClientIP affinity) first look for a live template for the client.
 */
export function ipvsSchedule(vs: IpvsVirtualServer, pkt: NfPacket, env: NfEnv, state: IpvsSchedState): IpvsScheduleResult {
  const kernel = [...vs.realServers].reverse();
  if (kernel.length === 0) {
    return { kind: 'noRealServer', explanation: `${vs.key} has no real servers, so IPVS rejects the connection.` };
  }
  const templateKey = `${vs.key}|${pkt.src}`;
  if (vs.persistentTimeout > 0) {
    const t = state.templates.get(templateKey);
    const rs = t !== undefined && t.expires > env.nowSeconds ? kernel.find((r) => rsKey(r) === t.dest) : undefined;
    if (rs !== undefined) {
      state.templates.set(templateKey, { dest: rsKey(rs), expires: env.nowSeconds + vs.persistentTimeout });
      count(state, vs, rs);
      return {
        kind: 'realServer',
        realServer: rs,
        by: 'template',
        explanation: `${pkt.src} already has a persistence template for ${vs.key}, so it goes to ${rsKey(rs)} again.`,
      };
    }
  }
  const i = pickByScheduler(vs, kernel, pkt, state);
  const rs = kernel[i]!;
  state.position.set(vs.key, i);
  count(state, vs, rs);
  if (vs.persistentTimeout > 0) {
    state.templates.set(templateKey, { dest: rsKey(rs), expires: env.nowSeconds + vs.persistentTimeout });
  }
  return {
    kind: 'realServer',
    realServer: rs,
    by: 'scheduler',
    explanation: `The ${vs.scheduler} scheduler of ${vs.key} picks ${rsKey(rs)} (destination ${i + 1} of ${kernel.length}).`,
  };
}

function count(state: IpvsSchedState, vs: IpvsVirtualServer, rs: IpvsRealServer): void {
  const k = `${vs.key}|${rsKey(rs)}`;
  state.connections.set(k, (state.connections.get(k) ?? 0) + 1);
}
