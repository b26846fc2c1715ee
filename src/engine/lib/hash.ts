// Stable hashing for generated names (veth names, MACs, ReplicaSet hashes, kube-proxy's chain
// names). SHA-256 from @noble/hashes and base32 from @scure/base: synchronous, pure JS, the
// same in node and the browser.
import { sha224, sha256 } from '@noble/hashes/sha2.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { utf8ToBytes, bytesToHex } from '@noble/hashes/utils.js';
import { base32 } from '@scure/base';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function sha256Bytes(text: string): Uint8Array {
  return sha256(utf8ToBytes(text));
}

/** UTF-8 bytes without TextEncoder's cost for the ASCII names Kubernetes allows. */
function asciiBytes(input: string): Uint8Array {
  const out = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c > 0x7f) return utf8ToBytes(input);
    out[i] = c;
  }
  return out;
}

/**
 * Standard base32 (RFC 4648) of the first `bytes` bytes of SHA-256(UTF-8 text). Every 5 bytes
 * are exactly 8 characters, so for a multiple of 5 this is the digest's base32 cut to
 * 8 * bytes / 5 characters without encoding the rest (kube-proxy's chain names take 16 in
 * iptables mode, 8 in nftables mode).
 */
export function sha256Base32(text: string, bytes: number): string {
  return base32.encode(sha256(asciiBytes(text)).subarray(0, bytes));
}

/**
 * A pure function of a string, remembered: every node of a cluster names the same Services
 * and endpoints again, so each name is computed once (a cache: it changes no result, only how
 * fast the next node compiles). The memo is emptied when it reaches `limit` entries.
 */
export function memoized(fn: (key: string) => string, limit = 500_000): (key: string) => string {
  const memo = new Map<string, string>();
  return (key) => {
    let out = memo.get(key);
    if (out === undefined) {
      out = fn(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, out);
    }
    return out;
  };
}

/** FNV-1a, 32 bits: what Kubernetes uses for pod-template-hash (hash/fnv New32a). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** SHA-1 hex of a string: how Calico and the AWS VPC CNI name a pod's host-side veth (sha1("<namespace>.<pod>")). */
export function sha1Hex(text: string): string {
  return bytesToHex(sha1(utf8ToBytes(text)));
}

/** SHA-224 of byte strings written one after another (Calico's rule-hash chain). */
export function sha224Of(...parts: readonly Uint8Array[]): Uint8Array {
  const h = sha224.create();
  for (const p of parts) h.update(p);
  return h.digest();
}
