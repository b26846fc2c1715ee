// The inspector's text fields for ports, read and written one per line:
//   container port:  8080/TCP http        (protocol and name optional)
//   Service port:    http 80/TCP -> 8080 nodePort 30080   (name, protocol, target and node port optional)
// Each line is checked as the API server checks the fields. Pure.
import { checkPort, checkPortName, type ContainerPortInit, type ServicePortInit } from '../../engine';

type Proto = 'TCP' | 'UDP' | 'SCTP';
const proto = (p: string | undefined): Proto | null => (p === undefined ? 'TCP' : ['TCP', 'UDP', 'SCTP'].includes(p.toUpperCase()) ? p.toUpperCase() as Proto : null);

export interface Parsed<T> {
  readonly value: T[];
  readonly errors: string[];
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l !== '');

export function parseContainerPorts(text: string): Parsed<ContainerPortInit> {
  const value: ContainerPortInit[] = [];
  const errors: string[] = [];
  for (const { l, n } of lines(text)) {
    const m = /^(\d+)(?:\/(\w+))?(?:\s+(\S+))?$/.exec(l);
    if (!m) { errors.push(`line ${n}: write a port as 8080, 8080/UDP or 8080/TCP http`); continue; }
    const bad = checkPort(m[1]!) ?? (proto(m[2]) === null ? `line ${n}: the protocol is TCP, UDP or SCTP` : null) ?? (m[3] ? checkPortName(m[3]) : null);
    if (bad) { errors.push(bad.startsWith('line') ? bad : `line ${n}: ${bad}`); continue; }
    value.push({ containerPort: Number(m[1]), ...(m[3] ? { name: m[3] } : {}), ...(proto(m[2]) !== 'TCP' ? { protocol: proto(m[2])! } : {}) });
  }
  return { value, errors };
}

export const containerPortsText = (ports: readonly ContainerPortInit[]): string =>
  ports.map((p) => `${p.containerPort}${p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}${p.name ? ` ${p.name}` : ''}`).join('\n');

export function parseServicePorts(text: string): Parsed<ServicePortInit> {
  const value: ServicePortInit[] = [];
  const errors: string[] = [];
  for (const { l, n } of lines(text)) {
    const m = /^(?:([a-z][-a-z0-9]*)\s+)?(\d+)(?:\/(\w+))?(?:\s*(?:->|→)\s*(\S+))?(?:\s+nodePort\s+(\d+))?$/i.exec(l);
    if (!m) { errors.push(`line ${n}: write a port as "http 80 -> 8080", with an optional /UDP and "nodePort 30080"`); continue; }
    const [, name, port, p, target, nodePort] = m;
    const targetBad = target === undefined ? null : /^\d+$/.test(target) ? checkPort(target, 'a targetPort') : checkPortName(target);
    const bad = (name ? checkPortName(name) : null) ?? checkPort(port!) ?? (proto(p) === null ? 'the protocol is TCP, UDP or SCTP' : null) ?? targetBad
      ?? (nodePort !== undefined ? checkPort(nodePort, 'a nodePort') : null);
    if (bad) { errors.push(`line ${n}: ${bad}`); continue; }
    value.push({
      ...(name ? { name } : {}), port: Number(port), ...(proto(p) !== 'TCP' ? { protocol: proto(p)! } : {}),
      ...(target !== undefined ? { targetPort: /^\d+$/.test(target) ? Number(target) : target } : {}),
      ...(nodePort !== undefined ? { nodePort: Number(nodePort) } : {}),
    });
  }
  return { value, errors };
}

export const servicePortsText = (ports: readonly ServicePortInit[]): string =>
  ports.map((p) => [
    p.name, `${p.port}${p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`,
    p.targetPort !== undefined ? `-> ${p.targetPort}` : undefined, p.nodePort ? `nodePort ${p.nodePort}` : undefined,
  ].filter(Boolean).join(' ')).join('\n');
