// The inspector's forms, one per kind of object: what the document says, editable, checked
// as it is typed; Apply turns the differences into edits (one undo step).
import { useState } from 'react';
import { checkName, labelLines, parseLabelLines, type ObjectView, type ScenarioEdit, type ServiceType } from '../../engine';
import { Field } from './Field';
import { nodeEdits, podEdits, serviceEdits } from './formEdits';
import { containerPortsText, parseContainerPorts, parseServicePorts, servicePortsText } from './formText';

type Apply = (edits: readonly ScenarioEdit[]) => void;
const first = (errors: readonly string[]) => errors[0] ?? null;

function LabelsField({ label, value, onChange, error, hint }: { label: string; value: string; onChange: (v: string) => void; error: string | null; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint ?? 'One key=value per line'}>
      {(p) => <textarea {...p} className="pp-input pp-input-lines" rows={Math.max(2, value.split('\n').length)} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} />}
    </Field>
  );
}

function Actions({ dirty, invalid }: { dirty: boolean; invalid: boolean }) {
  return (
    <div className="pp-form-actions">
      <button type="submit" className="pp-btn pp-btn-primary" disabled={!dirty || invalid}>Apply changes</button>
      {invalid && <span className="pp-field-error">Mend the fields marked above first.</span>}
    </div>
  );
}

export function PodFormView({ view, onApply }: { view: Extract<ObjectView, { kind: 'Pod' }>; onApply: Apply }) {
  const [name, setName] = useState(view.owner?.name ?? view.ref.name);
  const [labels, setLabels] = useState(labelLines(view.labels));
  const [node, setNode] = useState(view.nodeName ?? '');
  const [replicas, setReplicas] = useState(view.replicas === undefined ? '' : String(view.replicas));
  const [containers, setContainers] = useState(view.containers.map((c) => ({ was: c.name, name: c.name, ports: containerPortsText(c.ports) })));
  const l = parseLabelLines(labels);
  const nameError = checkName(name);
  const replicasError = view.replicas !== undefined && !/^\d+$/.test(replicas) ? 'replicas is a whole number, 0 or more' : null;
  const parsed = containers.map((c) => ({ ...c, p: parseContainerPorts(c.ports), nameError: checkName(c.name, 'label') }));
  const invalid = Boolean(nameError || l.errors.length || replicasError || parsed.some((c) => c.p.errors.length || c.nameError));
  const edits = invalid ? [] : podEdits(view, {
    name, labels: l.labels, nodeName: node === '' ? null : node,
    ...(view.replicas !== undefined ? { replicas: Number(replicas) } : {}),
    containers: parsed.map((c) => ({ was: c.was, name: c.name, ports: c.p.value })),
  });
  return (
    <form className="pp-form" aria-label={`Edit pod ${view.ref.namespace ?? 'default'}/${view.ref.name}`} onSubmit={(e) => { e.preventDefault(); if (edits.length > 0) onApply(edits); }}>
      {view.owner && <p className="pp-form-note">Made by {view.owner.kind} {view.owner.namespace}/{view.owner.name}: changes go to its pod template, so every replica changes.</p>}
      <Field label={view.owner ? `${view.owner.kind} name` : 'Name'} error={nameError}>{(p) => <input {...p} className="pp-input" value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      {view.replicas !== undefined && (
        <Field label="Replicas" error={replicasError}>{(p) => <input {...p} className="pp-input pp-input-short" inputMode="numeric" value={replicas} onChange={(e) => setReplicas(e.target.value)} />}</Field>
      )}
      <LabelsField label={view.owner ? 'Pod labels (template)' : 'Labels'} value={labels} onChange={setLabels} error={first(l.errors)} />
      <Field label="Node" hint="Pinned with spec.nodeName, or left to the scheduler">
        {(p) => (
          <select {...p} value={node} onChange={(e) => setNode(e.target.value)}>
            <option value="">any (the scheduler decides)</option>
            {view.nodes.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        )}
      </Field>
      {parsed.map((c, i) => (
        <fieldset key={c.was} className="pp-fieldset">
          <legend>Container {c.was}</legend>
          <Field label="Container name" error={c.nameError}>{(p) => <input {...p} className="pp-input" value={c.name} onChange={(e) => setContainers((cs) => cs.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />}</Field>
          <Field label={`Ports of ${c.was}`} error={first(c.p.errors)} hint="One per line: 8080, 53/UDP dns, 8080/TCP http">
            {(p) => <textarea {...p} className="pp-input pp-input-lines" rows={Math.max(2, c.ports.split('\n').length)} value={c.ports} spellCheck={false} onChange={(e) => setContainers((cs) => cs.map((x, j) => (j === i ? { ...x, ports: e.target.value } : x)))} />}
          </Field>
        </fieldset>
      ))}
      <Actions dirty={edits.length > 0} invalid={invalid} />
    </form>
  );
}

const TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer'];
type Policy = 'Cluster' | 'Local' | null;
const policyOf = (v: string): Policy => (v === 'Cluster' || v === 'Local' ? v : null);

export function ServiceFormView({ view, onApply }: { view: Extract<ObjectView, { kind: 'Service' }>; onApply: Apply }) {
  const [name, setName] = useState(view.ref.name);
  const [type, setType] = useState<ServiceType>(view.type === 'ExternalName' ? 'ClusterIP' : view.type);
  const [selector, setSelector] = useState(view.selector === null ? '' : labelLines(view.selector));
  const [ports, setPorts] = useState(servicePortsText(view.ports));
  const [etp, setEtp] = useState<Policy>(view.externalTrafficPolicy);
  const [itp, setItp] = useState<Policy>(view.internalTrafficPolicy);
  const sel = parseLabelLines(selector);
  const p = parseServicePorts(ports);
  const nameError = checkName(name, 'label');
  const portsError = first(p.errors) ?? (p.value.length === 0 ? 'a Service needs at least one port' : p.value.length > 1 && p.value.some((x) => !x.name) ? 'with more than one port, every port needs a name' : null);
  const invalid = Boolean(nameError || sel.errors.length || portsError);
  const edits = invalid || view.type === 'ExternalName' ? [] : serviceEdits(view, {
    name, labels: view.labels, type, selector: selector.trim() === '' ? null : sel.labels, ports: p.value,
    externalTrafficPolicy: etp, internalTrafficPolicy: itp,
  });
  return (
    <form className="pp-form" aria-label={`Edit service ${view.ref.namespace ?? 'default'}/${view.ref.name}`} onSubmit={(e) => { e.preventDefault(); if (edits.length > 0) onApply(edits); }}>
      <Field label="Name" error={nameError}>{(f) => <input {...f} className="pp-input" value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label="Type">
        {(f) => <select {...f} value={type} onChange={(e) => setType(e.target.value as ServiceType)}>{TYPES.map((t) => <option key={t} value={t}>{t}</option>)}</select>}
      </Field>
      <LabelsField label="Selector" value={selector} onChange={setSelector} error={first(sel.errors)} hint="The pod labels it selects, one key=value per line; empty: no selector" />
      <Field label="Ports" error={portsError} hint="One per line: http 80 -> 8080, dns 53/UDP -> 53, with nodePort 30080 for NodePort and LoadBalancer">
        {(f) => <textarea {...f} className="pp-input pp-input-lines" rows={Math.max(2, ports.split('\n').length)} value={ports} spellCheck={false} onChange={(e) => setPorts(e.target.value)} />}
      </Field>
      {type !== 'ClusterIP' && (
        <Field label="External traffic policy" hint="Local: only nodes with an endpoint answer, and the client's address is kept">
          {(f) => <select {...f} value={etp ?? ''} onChange={(e) => setEtp(policyOf(e.target.value))}><option value="">Cluster (the default)</option><option value="Cluster">Cluster</option><option value="Local">Local</option></select>}
        </Field>
      )}
      <Field label="Internal traffic policy" hint="Local: pods reach only endpoints on their own node">
        {(f) => <select {...f} value={itp ?? ''} onChange={(e) => setItp(policyOf(e.target.value))}><option value="">Cluster (the default)</option><option value="Cluster">Cluster</option><option value="Local">Local</option></select>}
      </Field>
      <Actions dirty={edits.length > 0} invalid={invalid} />
    </form>
  );
}

export function NodeFormView({ view, onApply }: { view: Extract<ObjectView, { kind: 'Node' }>; onApply: Apply }) {
  const [name, setName] = useState(view.ref.name);
  const [labels, setLabels] = useState(labelLines(view.labels));
  const l = parseLabelLines(labels);
  const nameError = view.renamable ? checkName(name) : null;
  const invalid = Boolean(nameError || l.errors.length);
  const edits = invalid ? [] : nodeEdits(view, { name, labels: l.labels });
  return (
    <form className="pp-form" aria-label={`Edit node ${view.ref.name}`} onSubmit={(e) => { e.preventDefault(); if (edits.length > 0) onApply(edits); }}>
      <p className="pp-form-note">A {view.role} node.{view.renamable ? '' : ' kind names its nodes from the cluster\'s name and their place in the list.'}</p>
      {view.renamable && <Field label="Name" error={nameError}>{(f) => <input {...f} className="pp-input" value={name} onChange={(e) => setName(e.target.value)} />}</Field>}
      <LabelsField label="Labels" value={labels} onChange={setLabels} error={first(l.errors)} hint="One key=value per line (kubernetes.io/hostname and the role label are the kubelet's own)" />
      <Actions dirty={edits.length > 0} invalid={invalid} />
    </form>
  );
}
