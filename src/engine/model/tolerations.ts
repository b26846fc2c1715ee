// Whether a pod tolerates kubeadm's control-plane taint (NoSchedule), as the scheduler and
// the DaemonSet controller both check it.
import { CONTROL_PLANE_TAINT } from './defaults';
import type { Toleration } from './types';

export function toleratesControlPlane(tolerations: readonly Toleration[]): boolean {
  return tolerations.some((t) =>
    (t.key === undefined && t.operator === 'Exists') ||
    (t.key === CONTROL_PLANE_TAINT && (t.effect === undefined || t.effect === 'NoSchedule')));
}

/** Whether a node's labels satisfy a nodeSelector. */
export function selectorMatches(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
