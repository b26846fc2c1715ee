// MAC addresses that real systems would pick, made deterministic: docker gives a container
// 02:42 followed by its IPv4 address; the CNI bridge plugin's veths in a pod get 0a:58
// followed by the IP; everything else gets a locally administered address from a hash.
import { memoized, sha256Bytes } from './hash';
import { ipToInt } from './ip';

const hex = (n: number) => n.toString(16).padStart(2, '0');

function fromIp(prefix: [number, number], ip: string): string {
  const n = ipToInt(ip);
  return [prefix[0], prefix[1], n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].map(hex).join(':');
}

/** docker's MAC for a container on a bridge network: 02:42:<ip bytes>. */
export const dockerMac = (ip: string) => fromIp([0x02, 0x42], ip);

/** The CNI's MAC for a pod interface: 0a:58:<ip bytes>. */
export const cniMac = (ip: string) => fromIp([0x0a, 0x58], ip);

/** A random-looking but stable unicast, locally administered MAC. */
export function hashedMac(seed: string): string {
  const b = sha256Bytes(seed);
  const first = (b[0]! & 0xfc) | 0x02;
  return [first, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!].map(hex).join(':');
}

/**
 * veth<8 hex>, as the CNI plugins name the host end of a pod's veth pair. Remembered: both
 * ends of the pair (the node's device and the pod's eth0 peer) ask for the same name.
 */
export const vethName = memoized((seed: string): string => {
  const b = sha256Bytes(`veth:${seed}`);
  return `veth${[b[0]!, b[1]!, b[2]!, b[3]!].map(hex).join('')}`;
});

export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';
