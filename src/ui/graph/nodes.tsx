// The graph's node components, one per kind of element: machines (nodes, the gateway,
// outside hosts) and pods as boxes, containers and interfaces as chips, bridges and networks
// as bars. Endpoints are real buttons named like "pod default/web"; the rest are labelled
// groups. Defined at module scope, as React Flow wants.
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useAppStore } from '../../store';
import type { ElementData, ElementNode, Role } from './build';
import { addressOf, portsText } from './labels';

const ROLE_TEXT: Record<Role, string> = { source: 'source', destination: 'destination', both: 'source & destination' };

/** React Flow needs a handle on each end of an edge; ours are invisible, the edges draw their own route. */
function Handles() {
  return (
    <>
      <Handle type="source" position={Position.Top} isConnectable={false} className="pp-handle" />
      <Handle type="target" position={Position.Top} isConnectable={false} className="pp-handle" />
    </>
  );
}

function classes(base: string, d: ElementData): string {
  return [base, d.role && `is-${d.role}`, d.sending && 'is-sending', d.current && 'is-current', d.visited && 'is-visited', d.pickable && 'is-pickable']
    .filter(Boolean).join(' ');
}

/** A box: a button when it can be a source or destination, otherwise a labelled group. */
function Frame({ data, base, children }: { data: ElementData; base: string; children: ReactNode }) {
  const pick = useAppStore((s) => s.pick);
  const className = classes(`pp-el ${base}`, data);
  const title = [data.el.name, ...data.el.details].join('\n');
  const current = data.current ? ('location' as const) : undefined;
  if (!data.pickable) {
    return (
      <div className={className} role="group" aria-label={data.el.name} aria-current={current} title={title}>
        <Handles />{children}
      </div>
    );
  }
  return (
    <button
      type="button" className={`${className} nopan`} aria-label={data.el.name} aria-pressed={Boolean(data.role) || data.sending}
      aria-current={current} title={title} onClick={() => pick(data.el.id)}
    >
      <Handles />{children}
      {data.role && <span className={`pp-badge pp-badge-${data.role}`}>{ROLE_TEXT[data.role]}</span>}
      {data.sending && <span className="pp-badge pp-badge-source">sends</span>}
    </button>
  );
}

const KIND_WORD = { node: 'node', gateway: 'router', outside: 'host' } as const;

function MachineNode({ data }: NodeProps<ElementNode>) {
  const kind = data.el.kind === 'node' || data.el.kind === 'gateway' || data.el.kind === 'outside' ? data.el.kind : 'node';
  return (
    <Frame data={data} base={`pp-machine pp-machine-${kind}`}>
      <span className="pp-head">
        <span className="pp-kind">{KIND_WORD[kind]}</span>
        <span className="pp-name">{data.el.label}</span>
      </span>
      <span className="pp-details">{data.el.details.join(' · ')}</span>
    </Frame>
  );
}

function PodNode({ data }: NodeProps<ElementNode>) {
  return (
    <Frame data={data} base="pp-pod">
      <span className="pp-name">{data.el.label}</span>
      <span className="pp-sub"><span className="pp-kind">pod</span> <span className="pp-ip">{data.el.details.join(' · ')}</span></span>
    </Frame>
  );
}

function ContainerNode({ data }: NodeProps<ElementNode>) {
  return (
    <Frame data={data} base="pp-container">
      <span className="pp-name">{data.el.label}</span>
      <span className="pp-ports">{portsText(data.el.details)}</span>
    </Frame>
  );
}

function DeviceNode({ data }: NodeProps<ElementNode>) {
  const addr = addressOf(data.el.details);
  return (
    <Frame data={data} base={`pp-device pp-device-${data.el.deviceKind ?? 'other'}`}>
      <span className="pp-name">{data.el.label}</span>
      {addr && !data.compact && <span className="pp-addr">{addr}</span>}
    </Frame>
  );
}

function BarNode({ data }: NodeProps<ElementNode>) {
  const addr = addressOf(data.el.details);
  return (
    <Frame data={data} base={`pp-bar ${data.upright ? 'pp-bar-upright' : 'pp-bar-flat'} pp-bar-${data.el.kind}`}>
      <span className="pp-name">{data.el.label}</span>
      {addr && <span className="pp-addr">{addr}</span>}
    </Frame>
  );
}

export const nodeTypes: NodeTypes = {
  machine: MachineNode,
  pod: PodNode,
  container: ContainerNode,
  device: DeviceNode,
  bar: BarNode,
};
