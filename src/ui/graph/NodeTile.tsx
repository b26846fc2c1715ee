// A closed node in the overview: a button named like the node ("node kind-worker3") that picks
// it as source or destination, showing its role, address and pods counted by namespace (a
// bar of namespace colours), and beside it the button that opens it. Marked like any element
// when it is the source or destination, or when the packet is inside it.
import { memo } from 'react';
import type { TopoElement } from '../../engine';
import { useAppStore } from '../../store';
import type { Role } from './build';
import type { Placed } from './geometry';
import { namespaceColor, shownCounts, type NamespaceFilter } from './namespaces';
import { OpenToggle } from './OpenToggle';

const ROLE_TEXT: Record<Role, string> = { source: 'source', destination: 'destination', both: 'source & destination' };

interface Props {
  readonly el: TopoElement;
  readonly box: Placed;
  readonly role: Role | undefined;
  readonly current: boolean;
  readonly visited: boolean;
  readonly filter: NamespaceFilter;
}

/** Marks as primitives, so a thousand tiles re-render only where a mark changed. */
export const NodeTile = memo(function NodeTile({ el, box, role, current, visited, filter }: Props) {
  const marks = { role, current, visited };
  const pick = useAppStore((s) => s.pick);
  const { shown, total, parts } = shownCounts(el.podCount, filter);
  const counted = shown === total ? `${total} pod${total === 1 ? '' : 's'}` : `${shown} of ${total} pods shown`;
  const cls = ['pp-tile', marks.role && `is-${marks.role}`, marks.current && 'is-current', marks.visited && 'is-visited'].filter(Boolean).join(' ');
  return (
    <div className={cls} style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.w, height: box.h }}>
      <button
        type="button" className="pp-tile-main" aria-label={el.name} aria-pressed={Boolean(marks.role)}
        aria-current={marks.current ? 'location' : undefined} aria-describedby={`pp-tile-count-${el.label}`}
        title={[el.name, ...el.details, ...parts.map(([ns, n]) => `${ns}: ${n}`)].join('\n')} onClick={() => pick(el.id)}
      >
        <span className="pp-head"><span className="pp-kind">node</span> <span className="pp-name" data-short={el.label.slice(el.label.indexOf('-') + 1)}>{el.label}</span></span>
        <span className="pp-details">{el.details.slice(0, 2).join(' · ')}</span>
        <span className="pp-tile-count" id={`pp-tile-count-${el.label}`}>{counted}</span>
        <span className="pp-tile-bar" aria-hidden="true">
          {parts.map(([ns, n]) => <span key={ns} style={{ flexGrow: n, background: namespaceColor(ns) }} />)}
        </span>
        {marks.role && <span className={`pp-badge pp-badge-${marks.role}`}>{ROLE_TEXT[marks.role]}</span>}
      </button>
      <OpenToggle id={el.id} name={el.name} open={false} className="pp-toggle-tile" />
    </div>
  );
});
