// The side panel's tabs: the trace inspector, the tables of a namespace (with the lines the
// packet matched), the rules-vs-Services study, and the scenario editor.
import { useRef, type KeyboardEvent } from 'react';
import { useAppStore, type Panel } from '../store';
import { ScenarioEditor } from '../ui/editor/ScenarioEditor';
import { TracePanel } from '../ui/inspector/TracePanel';
import { RulesPanel } from '../ui/plot/RulesPanel';
import { TablesPanel } from '../ui/tables/TablesPanel';

const TABS: readonly { id: Panel; label: string }[] = [
  { id: 'trace', label: 'Trace' }, { id: 'tables', label: 'Tables' }, { id: 'rules', label: 'Rules vs Services' }, { id: 'scenario', label: 'Scenario' },
];

function PanelBody({ panel }: { panel: Panel }) {
  switch (panel) {
    case 'trace': return <TracePanel />;
    case 'tables': return <TablesPanel />;
    case 'rules': return <RulesPanel />;
    case 'scenario': return <ScenarioEditor />;
  }
}

export function SidePanel() {
  const panel = useAppStore((s) => s.panel);
  const setPanel = useAppStore((s) => s.setPanel);
  const errors = useAppStore((s) => s.errors.length);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const i = TABS.findIndex((t) => t.id === panel);
    const next = (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    setPanel(TABS[next]!.id);
    refs.current[next]?.focus();
  };

  return (
    <aside className="pp-side" aria-label="Inspector">
      <div className="pp-tabs" role="tablist" aria-label="Inspector panels" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.id} ref={(el) => { refs.current[i] = el; }} type="button" role="tab" id={`pp-tab-${t.id}`}
            aria-selected={panel === t.id} aria-controls={`pp-tabpanel-${t.id}`} tabIndex={panel === t.id ? 0 : -1}
            className="pp-tab" onClick={() => setPanel(t.id)}
          >
            {t.label}
            {t.id === 'scenario' && errors > 0 && <span className="pp-tab-alert"> ({errors} problem{errors > 1 ? 's' : ''})</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`pp-tabpanel-${panel}`} aria-labelledby={`pp-tab-${panel}`} className="pp-tabpanel">
        <PanelBody panel={panel} />
      </div>
    </aside>
  );
}
