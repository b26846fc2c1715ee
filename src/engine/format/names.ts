// Names the container runtime gives things, made deterministic: containerd names a pod's
// network namespace cni-<uuid> (shown by `ip addr` as the veth's link-netns).
import { sha256Hex } from '../lib/hash';

export function cniNetnsName(netnsId: string): string {
  const h = sha256Hex(`netns:${netnsId}`);
  return `cni-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
