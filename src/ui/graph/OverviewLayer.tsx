// What the overview draws beside React Flow's nodes, in the flow's own coordinates (so it pans
// and zooms with them) but as plain elements: a thousand closed nodes cost a thousand buttons,
// not a thousand React Flow nodes. The node network's bus (its branches and closed nodes'
// drops to them), the namespace labels over the chips of open nodes, the count of Services
// left out of the band, and the closed nodes' tiles.
import { ViewportPortal } from '@xyflow/react';
import type { TopoElement } from '../../engine';
import type { GraphMarks } from './build';
import type { Layout } from './layout';
import type { NamespaceFilter } from './namespaces';
import { NodeTile } from './NodeTile';
import { pathOf } from './routes';

interface Props {
  readonly layout: Layout;
  readonly tiles: readonly TopoElement[];
  readonly marks: GraphMarks;
  readonly filter: NamespaceFilter;
  readonly moreServices: number;
}

const roleOf = (id: string, m: GraphMarks) => {
  const src = id === m.sourceId;
  const dst = id === m.destinationId;
  return src && dst ? 'both' as const : src ? 'source' as const : dst ? 'destination' as const : undefined;
};

export function OverviewLayer({ layout, tiles, marks, filter, moreServices }: Props) {
  return (
    <ViewportPortal>
      <div className="pp-overview">
        {layout.bus.length > 0 && (
          <svg className="pp-bus" width={layout.width} height={layout.height} aria-hidden="true">
            <path d={layout.bus.map(pathOf).join(' ')} />
          </svg>
        )}
        {layout.labels.map((l, i) => (
          <span key={i} className="pp-ns-label" style={{ transform: `translate(${l.x}px, ${l.y}px)` }}>{l.text}</span>
        ))}
        {layout.more && moreServices > 0 && (
          <p className="pp-more-services" style={{ transform: `translate(${layout.more.x}px, ${layout.more.y}px)`, width: layout.more.w, height: layout.more.h }}>
            <strong>{moreServices.toLocaleString('en-US')} more Services</strong>
            <span>search to find one</span>
          </p>
        )}
        {tiles.map((el) => {
          const box = layout.boxes.get(el.id);
          if (!box) return null;
          return (
            <NodeTile
              key={el.id} el={el} box={box} filter={filter}
              role={roleOf(el.id, marks)} current={marks.currentId === el.id} visited={marks.visited.has(el.id)}
            />
          );
        })}
      </div>
    </ViewportPortal>
  );
}
