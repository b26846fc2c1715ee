// The tables panel: a network namespace's tables (ip route, ip neigh, bridge fdb, ip addr,
// iptables-save, nft, ipvsadm, ipset, conntrack) as the real tools print them after the last
// send, with the lines the packet matched highlighted and linked to their hops. It opens on
// the selected hop's namespace and table, and follows the player.
import { useMemo, useState } from 'react';
import { lessonHighlight, lessonLineTest, useAppStore } from '../../store';
import { whereOf } from '../inspector/HopItem';
import { PlaybackBar } from '../playback/PlaybackBar';
import { matchedCount } from './match';
import { TableLines } from './TableLines';
import { useTablesView } from './useTablesView';
import './tables.css';

const GROUPS = ['Nodes', 'Pods', 'Outside the cluster'] as const;
/** Tools that print aligned columns: their lines are not wrapped. */
const COLUMNS = new Set(['ipvsadm', 'ipset', 'addr']);

export function TablesPanel() {
  const v = useTablesView();
  const selectStep = useAppStore((s) => s.selectStep);
  const pinTables = useAppStore((s) => s.pinTables);
  const hasTrace = useAppStore((s) => s.trace !== null);
  const highlight = useAppStore(lessonHighlight);
  const [onlyMatched, setOnlyMatched] = useState(false);
  const open = v.tables.find((t) => t.table.id === v.tableId);
  const marked = useMemo(() => lessonLineTest(highlight, v.netns, open?.table.id), [highlight, v.netns, open?.table.id]);
  const nsName = v.namespaces.find((n) => n.id === v.netns)?.name ?? v.netns;
  return (
    <section className="pp-tables" aria-labelledby="pp-tables-title">
      <h2 id="pp-tables-title" className="pp-sr-only">Tables</h2>
      {hasTrace && <PlaybackBar />}
      {v.step ? (
        <p className="pp-tables-hop">
          Hop {v.position + 1} <span className={`pp-kind-badge pp-kind-${v.step.hop.kind}`}>{v.step.hop.kind}</span>{' '}
          <span className="pp-muted">{whereOf(v.step.hop)}</span>
        </p>
      ) : (
        <p className="pp-tables-hop pp-muted">Send a packet to see which lines of these tables it matches.</p>
      )}
      <div className="pp-tables-controls">
        <label className="pp-control">
          <span>Namespace</span>
          <select value={v.netns} onChange={(e) => pinTables({ position: v.position, netns: e.target.value })}>
            {GROUPS.map((g) => (
              <optgroup key={g} label={g}>
                {v.namespaces.filter((n) => n.group === g).map((n) => <option key={n.id} value={n.id}>{n.name}{n.id === v.hopNetns ? ' (this hop)' : ''}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="pp-check">
          <input type="checkbox" checked={onlyMatched} onChange={(e) => setOnlyMatched(e.target.checked)} /> Matched lines only
        </label>
      </div>
      <div className="pp-tables-tabs" role="tablist" aria-label={`Tables of ${nsName}`}>
        {v.tables.map((t) => {
          const n = matchedCount(t);
          return (
            <button
              key={t.table.id} type="button" role="tab" id={`pp-table-${t.table.id}`} aria-selected={t.table.id === v.tableId}
              aria-controls="pp-table-panel" className="pp-table-tab"
              onClick={() => pinTables({ position: v.position, netns: v.netns, table: t.table.id })}
            >
              {t.table.command}
              {n > 0 && <span className="pp-table-count" aria-label={`, ${n} matched`}>{n}</span>}
            </button>
          );
        })}
      </div>
      <div id="pp-table-panel" role="tabpanel" aria-labelledby={open ? `pp-table-${open.table.id}` : undefined} className="pp-table-panel">
        {v.status === 'failed' && <p className="pp-tl-empty" role="alert">The tables could not be printed: {v.error}</p>}
        {!open && v.status === 'loading' && <p className="pp-tl-empty" role="status">Printing the tables…</p>}
        {open && (
          <TableLines
            label={`${open.table.command} of ${nsName}`} lines={open.lines} position={v.position} onlyMatched={onlyMatched}
            focus={v.step?.hop.rule?.split('\n')[0]?.trim()} wrap={!COLUMNS.has(open.table.id)} onSelect={selectStep}
            marked={marked}
          />
        )}
      </div>
    </section>
  );
}
