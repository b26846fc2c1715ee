// Stable ids for the elements a view draws: machines, pods, containers, devices and the
// wires between machines. A hop carries the id of the element it happened at, so a view
// can place it without knowing anything about networking.
import type { NetnsId } from '../cluster/types';

export const machineId = (netns: NetnsId) => netns.startsWith('pod/') ? `pod:${netns.slice(4)}` : netns.replace('/', ':');
export const deviceId = (netns: NetnsId, dev: string) => `dev:${netns}:${dev}`;
export const containerId = (podKey: string, container: string) => `ctr:${podKey}/${container}`;
export const segmentId = (segment: string) => `seg:${segment}`;
export const serviceId = (serviceKey: string) => `svc:${serviceKey}`;
export const loadBalancerId = (serviceKey: string) => `lb:${serviceKey}`;
/** The tunnel between two nodes' tunnel devices (device ids), the same whichever end is named first. */
export const tunnelPeerId = (a: string, b: string) => (a < b ? `tunnel:${a}~${b}` : `tunnel:${b}~${a}`);
