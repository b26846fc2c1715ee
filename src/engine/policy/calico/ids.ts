// Calico's generated names, computed as felix and the CNI plugin compute them (v3.32):
// the workload interface cali<sha1(ns.pod)[:11]> (VethNameForWorkload), ids hashed with
// SHA-224 ("s:<base64url>", hash.MakeUniqueID), names shortened to a length with SHA-256
// (hash.GetLengthLimitedID), IP set names "cali40<id>" cut to 31 characters, and the rule hash
// every rule carries in a "cali:<16 chars>" comment (generictables.RuleHashes: SHA-224 of the
// chain name, then of each rule chained on the previous hash).
import { sha224, sha256 } from '@noble/hashes/sha2.js';
import { sha3_224 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { sha1Hex, sha224Of } from '../../lib/hash';

/** iptables' longest chain name (XT_EXTENSION_MAXNAMELEN - 1). */
export const MAX_CHAIN_NAME = 28;
/** ipset's longest set name (IPSET_MAXNAMELEN - 1). */
export const MAX_IPSET_NAME = 31;
const HASH_LENGTH = 16;

/** The host end of a pod's veth pair: "cali" + the first 11 hex digits of SHA-1("<ns>.<pod>"). */
export function workloadInterface(namespace: string, pod: string): string {
  return `cali${sha1Hex(`${namespace}.${pod}`).slice(0, 11)}`;
}

/** hash.MakeUniqueID: "<prefix>:" + base64url(SHA-224("<prefix>:<content>")). */
export function uniqueId(prefix: string, content: string): string {
  return `${prefix}:${base64urlnopad.encode(sha224(utf8ToBytes(`${prefix}:${content}`)))}`;
}

/** hash.GetLengthLimitedID: prefix + suffix, or prefix + "_" + a SHA-256 of the suffix cut to fit. */
export function lengthLimitedId(prefix: string, suffix: string, max = MAX_CHAIN_NAME): string {
  const s = suffix === '' ? '_' : suffix;
  const total = prefix.length + s.length;
  if (total > max || (total === max && s.startsWith('_'))) {
    return `${prefix}_${base64urlnopad.encode(sha256(utf8ToBytes(s))).slice(0, max - 1 - prefix.length)}`;
  }
  return prefix + s;
}

/** IPVersionConfig.NameForMainIPSet: "cali40" + the set's id, cut to 31 characters. */
export const ipsetName = (setId: string): string => `cali40${setId}`.slice(0, MAX_IPSET_NAME);

/** PolicyGroup.UniqueID: SHA3-224 over the group's selector, direction, size and policy ids, cut to fit "cali-gi-". */
export function policyGroupId(selector: string, direction: 'inbound' | 'outbound', policies: readonly string[]): string {
  const text = [selector, direction, String(policies.length), ...policies].map((s) => `${s}\n`).join('');
  return base64urlnopad.encode(sha3_224(utf8ToBytes(text))).slice(0, MAX_CHAIN_NAME - 'cali-gi-'.length);
}

/**
 * The hash comment of each rule of a chain, from the rules as felix renders them for hashing
 * ("-A <chain> HASH <comments> <match> <action>").
 */
export function ruleHashes(chain: string, rendered: readonly string[]): string[] {
  let h = sha224Of(utf8ToBytes(chain));
  return rendered.map((r) => {
    h = sha224Of(h, utf8ToBytes(r));
    return base64urlnopad.encode(h).slice(0, HASH_LENGTH);
  });
}
