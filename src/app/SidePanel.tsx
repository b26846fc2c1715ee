// The side panel's tabs: the trace inspector, the tables of a namespace (with the lines the
// The side panel's tabs: the trace inspector, the tables of a namespace (with the lines the
// packet matched), the NetworkPolicies, the reachability matrix, the layer-7 proxies' routing
// tables, the rules-vs-Services study, and the scenario editor. A tab is one entry of TABS; all
// but the trace are loaded when first opened, so the first paint carries only what it shows. On
// a narrow screen the panel is a sheet under the graph, and a button beside the tabs makes it
// taller or shorter.
import { lazy, Suspense, useRef, type ComponentType, type KeyboardEvent } from 'react';
import { useAppStore, type Panel } from '../store';
import { TracePanel } from '../ui/inspector/TracePanel';

interface Tab {
  readonly id: Panel;
  readonly label: string;
  readonly Body: ComponentType;
}

const TABS: readonly Tab[] = [
  { id: 'trace', label: 'Trace', Body: TracePanel },
  { id: 'tables', label: 'Tables', Body: lazy(() => import('../ui/tables/TablesPanel').then((m) => ({ default: m.TablesPanel }))) },
  { id: 'policies', label: 'Policies', Body: lazy(() => import('../ui/policy/PoliciesPanel').then((m) => ({ default: m.PoliciesPanel }))) },
  { id: 'reach', label: 'Reachability', Body: lazy(() => import('../ui/policy/ReachPanel').then((m) => ({ default: m.ReachPanel }))) },
  { id: 'routing', label: 'Routing', Body: lazy(() => import('../ui/routing/RoutingPanel').then((m) => ({ default: m.RoutingPanel }))) },
  { id: 'rules', label: 'Rules vs Services', Body: lazy(() => import('../ui/plot/RulesPanel').then((m) => ({ default: m.RulesPanel }))) },
  { id: 'scenario', label: 'Scenario', Body: lazy(() => import('../ui/editor/ScenarioEditor').then((m) => ({ default: m.ScenarioEditor }))) },
  { id: 'edit', label: 'Edit', Body: lazy(() => import('../ui/edit/Inspector').then((m) => ({ default: m.Inspector }))) },
];

function TabLabel({ tab }: { tab: Tab }) {
  const errors = useAppStore((s) => s.errors.length);
  return (
    <>
      {tab.label}
      {tab.id === 'scenario' && errors > 0 && <span className="pp-tab-alert"> ({errors} problem{errors > 1 ? 's' : ''})</span>}
    </>
  );
}

export type SheetSize = 'low' | 'half' | 'full';

const NEXT_SHEET: Record<SheetSize, SheetSize> = { low: 'half', half: 'full', full: 'low' };
const SHEET_LABEL: Record<SheetSize, string> = { low: 'Show more of the inspector', half: 'Show the inspector at full height', full: 'Show more of the graph' };

export function SidePanel({ sheet = 'half', onSheet }: { sheet?: SheetSize; onSheet?: (s: SheetSize) => void }) {
  const panel = useAppStore((s) => s.panel);
  const setPanel = useAppStore((s) => s.setPanel);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const open = TABS.find((t) => t.id === panel) ?? TABS[0]!;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const i = TABS.findIndex((t) => t.id === panel);
    const next = (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    setPanel(TABS[next]!.id);
    refs.current[next]?.focus();
  };

  return (
    <aside className="pp-side" aria-label="Inspector">
      {onSheet && (
        <button type="button" className="pp-sheet-toggle" aria-label={SHEET_LABEL[sheet]} title={SHEET_LABEL[sheet]} onClick={() => onSheet(NEXT_SHEET[sheet])}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d={sheet === 'full' ? 'M3 6l5 5 5-5' : 'M3 10l5-5 5 5'} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      )}
      <div className="pp-tabs" role="tablist" aria-label="Inspector panels" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.id} ref={(el) => { refs.current[i] = el; }} type="button" role="tab" id={`pp-tab-${t.id}`}
            aria-selected={panel === t.id} aria-controls={`pp-tabpanel-${t.id}`} tabIndex={panel === t.id ? 0 : -1}
            className="pp-tab" onClick={() => setPanel(t.id)}
          >
            <TabLabel tab={t} />
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`pp-tabpanel-${panel}`} aria-labelledby={`pp-tab-${panel}`} className="pp-tabpanel">
        <Suspense fallback={<p className="pp-muted pp-tab-loading">Opening {open.label}…</p>}>
          <open.Body />
        </Suspense>
      </div>
    </aside>
  );
}
