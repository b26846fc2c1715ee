// The policies panel: whether the cluster's plugin enforces NetworkPolicy, each policy with
// the pods it selects (highlighted on the graph while it is focused) and its rules in plain
// words, its YAML to edit and apply (an undoable edit; a bad one keeps the working scenario,
// its problems located), and a default-deny policy to add to a namespace.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PolicyPanelItem } from '../../engine';
import { useAppStore, type EditOutcome } from '../../store';
import { ErrorList } from '../editor/ErrorList';
import './policy.css';

function PolicyYaml({ item, onDone }: { item: PolicyPanelItem; onDone: () => void }) {
  const s = useAppStore(useShallow((st) => ({ save: st.savePolicy, remove: st.deletePolicy })));
  const [yaml, setYaml] = useState(item.yaml);
  // What the last apply or delete could not do: the problems of the text it would have made.
  const [failed, setFailed] = useState<Extract<EditOutcome, { ok: false }> | null>(null);
  const id = `pp-policy-yaml-${item.key.replace('/', '-')}`;
  const finish = (out: EditOutcome) => {
    if (out.ok) onDone();
    else if (!out.superseded) setFailed(out);
  };
  return (
    <div className="pp-policy-edit">
      <label htmlFor={id} className="pp-editor-label">YAML of {item.key} (document {item.doc})</label>
      <textarea id={id} className="pp-yaml pp-policy-yaml" spellCheck={false} autoCapitalize="off" autoComplete="off" wrap="off"
        value={yaml} onChange={(e) => setYaml(e.target.value)} rows={Math.min(18, yaml.split('\n').length + 1)} />
      <div className="pp-editor-actions">
        <button type="button" className="pp-btn pp-btn-primary" disabled={yaml === item.yaml}
          onClick={() => void s.save(item.key, yaml).then(finish)}>Apply policy</button>
        <button type="button" className="pp-btn" onClick={() => void s.remove(item.key).then(finish)}>Delete policy</button>
        <button type="button" className="pp-btn pp-btn-quiet" onClick={onDone}>Cancel</button>
      </div>
      {failed && (failed.errors?.length
        ? <ErrorList errors={failed.errors} onJump={() => document.getElementById(id)?.focus()} />
        : <p role="alert" className="pp-policy-note is-off">{failed.error}</p>)}
    </div>
  );
}

/** Pods listed by name beyond which the card only counts them. */
const LISTED = 12;

function selectsText(pods: readonly string[]): string {
  if (pods.length === 0) return 'Selects no pod.';
  const shown = pods.slice(0, LISTED).join(', ');
  const more = pods.length > LISTED ? ` and ${pods.length - LISTED} more` : '';
  return `Selects ${pods.length} pod${pods.length > 1 ? 's' : ''}: ${shown}${more}`;
}

function PolicyCard({ item }: { item: PolicyPanelItem }) {
  const { focus, focusPolicy } = useAppStore(useShallow((st) => ({ focus: st.policyFocus, focusPolicy: st.focusPolicy })));
  const [editing, setEditing] = useState(false);
  const focused = focus === item.key;
  return (
    <li className={`pp-policy${focused ? ' is-focused' : ''}`}>
      <h3 className="pp-policy-name">{item.key}</h3>
      <p className="pp-policy-selects">
        {selectsText(item.selects)}
      </p>
      <ul className="pp-policy-rules" aria-label={`Rules of ${item.key}`}>
        {item.rules.map((r) => <li key={r}>{r}</li>)}
      </ul>
      <div className="pp-policy-actions">
        <button type="button" className="pp-btn" aria-pressed={focused} onClick={() => focusPolicy(focused ? null : item.key)}>
          {focused ? 'Stop highlighting' : 'Highlight its pods'}
        </button>
        <button type="button" className="pp-btn" aria-expanded={editing} onClick={() => setEditing(!editing)}>Edit YAML</button>
      </div>
      {editing && <PolicyYaml item={item} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** Loads the upstream e2e model: namespaces x, y, z with pods a, b, c serving 80 and 81. */
function OpenModel() {
  const load = useAppStore((s) => s.loadScenario);
  const open = () => void import('../../scenarios/netpol.yaml?raw').then((m) => load(m.default));
  return (
    <p className="pp-policy-model">
      <button type="button" className="pp-btn pp-btn-quiet" onClick={open}>Open the upstream NetworkPolicy model</button>
      <span className="pp-muted">namespaces x, y, z; pods a, b, c; TCP, UDP and SCTP on 80 and 81</span>
    </p>
  );
}

function AddDefaultDeny({ namespaces }: { namespaces: readonly string[] }) {
  const add = useAppStore((s) => s.addDefaultDeny);
  const [picked, setNs] = useState(namespaces[0] ?? 'default');
  // A new scenario may not have the namespace picked before.
  const ns = namespaces.includes(picked) ? picked : (namespaces[0] ?? 'default');
  return (
    <div className="pp-policy-add">
      <label className="pp-control">
        <span>Namespace</span>
        <select value={ns} onChange={(e) => setNs(e.target.value)}>
          {namespaces.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <button type="button" className="pp-btn" onClick={() => void add(ns)}>Add default-deny ingress</button>
    </div>
  );
}

export function PoliciesPanel() {
  const s = useAppStore(useShallow((st) => ({ summary: st.summary, policies: st.policies, show: st.showPolicies })));
  const { summary, policies, show } = s;
  useEffect(() => { if (summary && policies.for !== summary && policies.status !== 'loading') void show(); }, [summary, policies.for, policies.status, show]);
  const panel = policies.for === summary ? policies.panel : null;
  return (
    <section className="pp-policies" aria-labelledby="pp-policies-title">
      <h2 id="pp-policies-title" className="pp-panel-title">NetworkPolicies</h2>
      {policies.status === 'failed' && <p role="alert" className="pp-policy-note is-off">The policies could not be read: {policies.error}</p>}
      {!panel && policies.status !== 'failed' && <p role="status" className="pp-muted">Reading the policies…</p>}
      {panel && (
        <>
          <p className={`pp-policy-note${panel.enforcement.enforced ? ' is-on' : ' is-off'}`}>{panel.enforcement.text}</p>
          {panel.policies.length === 0 && <p className="pp-muted">No NetworkPolicy: every pod accepts and sends anything.</p>}
          <ul className="pp-policy-list" aria-label="Policies">
            {panel.policies.map((p) => <PolicyCard key={`${p.key}@${p.doc}`} item={p} />)}
          </ul>
        </>
      )}
      {summary && <AddDefaultDeny namespaces={summary.namespaces.map((n) => n.name)} />}
      <OpenModel />
    </section>
  );
}
