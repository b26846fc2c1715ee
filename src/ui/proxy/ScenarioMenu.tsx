// The built-in scenarios in the top bar: the default (the bridge plugin) and one per CNI plugin,
// each with comments that say what to look at. Opening one replaces the scenario, as loading
// any scenario does; the editor holds it afterwards.
import { useState } from 'react';
import { BUILTIN_SCENARIOS } from '../../scenarios/builtins';
import { useAppStore } from '../../store';
import './proxy.css';

export function ScenarioMenu() {
  const loadScenario = useAppStore((s) => s.loadScenario);
  const [busy, setBusy] = useState(false);
  const open = (id: string) => {
    const s = BUILTIN_SCENARIOS.find((b) => b.id === id);
    if (!s) return;
    setBusy(true);
    void loadScenario(s.yaml).finally(() => setBusy(false));
  };
  return (
    <div className="pp-cni pp-scenario-menu">
      <label className="pp-mode-label" htmlFor="pp-scenario-select">Scenario</label>
      <select id="pp-scenario-select" className="pp-select" value="" disabled={busy} onChange={(e) => open(e.target.value)}>
        <option value="" disabled>Built-in…</option>
        {BUILTIN_SCENARIOS.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
      </select>
    </div>
  );
}
