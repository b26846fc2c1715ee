// The box every graph element is drawn in: a real button named like "pod default/web" when
// the element can be a source or destination, otherwise a labelled group; marked as the
// source, the destination, the sending container, the packet's location, or as a pod the
// focused NetworkPolicy selects.
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { selectedByFocusedPolicy, useAppStore } from '../../store';
import type { ElementData, Role } from './build';

const ROLE_TEXT: Record<Role, string> = { source: 'source', destination: 'destination', both: 'source & destination' };

/**
 * React Flow needs a handle on each end of an edge; ours are invisible, the edges draw their own
 * route. In edit mode a Service shows a handle to draw a link from, and a pod takes the link anywhere.
 */
function Handles({ data }: { data: ElementData }) {
  return (
    <>
      <Handle type="source" position={data.linkFrom ? Position.Bottom : Position.Top} isConnectable={data.linkFrom === true} className={data.linkFrom ? 'pp-handle pp-link-handle' : 'pp-handle'} title={data.linkFrom ? 'Drag to a pod: the Service will select it' : undefined} />
      <Handle type="target" position={Position.Top} isConnectable={data.linkTo === true} className={data.linkTo ? 'pp-handle pp-link-target' : 'pp-handle'} />
    </>
  );
}

function classes(base: string, d: ElementData): string {
  return [base, d.role && `is-${d.role}`, d.sending && 'is-sending', d.current && 'is-current', d.visited && 'is-visited', d.pickable && 'is-pickable', d.selected && 'is-selected', d.lesson && 'is-lesson']
    .filter(Boolean).join(' ');
}

export function Frame({ data, base, children }: { data: ElementData; base: string; children: ReactNode }) {
  const click = useAppStore((s) => s.clickElement);
  const policy = useAppStore((s) => selectedByFocusedPolicy(s, data.el.id));
  const className = `${classes(`pp-el ${base}`, data)}${policy ? ' is-policy-selected' : ''}`;
  const title = [data.el.name, ...data.el.details].join('\n');
  const current = data.current ? ('location' as const) : undefined;
  if (!data.pickable) {
    return (
      <div className={className} role="group" aria-label={data.el.name} aria-current={current} title={title}>
        <Handles data={data} />{children}
      </div>
    );
  }
  return (
    <button
      type="button" className={className} aria-label={data.el.name} aria-pressed={data.selected ?? (Boolean(data.role) || data.sending)}
      aria-current={current} title={title} onClick={() => click(data.el.id)}
    >
      <Handles data={data} />{children}
      {data.role && <span className={`pp-badge pp-badge-${data.role}`}>{ROLE_TEXT[data.role]}</span>}
      {data.sending && <span className="pp-badge pp-badge-source">sends</span>}
      {policy && !data.role && <span className="pp-badge pp-badge-policy">selected</span>}
    </button>
  );
}
