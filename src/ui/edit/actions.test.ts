// The edit actions the toolbar, the menu and the keys share.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, parseScenario, topology } from '../../engine';
import { objectOf } from '../../store';
import { actionForKey, addActions, freeName, objectActions } from './actions';

const parsed = parseScenario(readFileSync('src/scenarios/default.yaml', 'utf8'));
if (!parsed.ok) throw new Error('default scenario');
const compiled = compile(parsed.scenario);
if (!compiled.ok) throw new Error('default scenario');
const topo = topology(compiled.cluster);
const obj = (id: string) => objectOf(topo, id);

describe('edit actions', () => {
  it('adds a pod on the selected node, or on the node of the selected pod, or on the first worker', () => {
    expect(addActions(topo, obj('node:kind-worker2'))[0]).toMatchObject({ label: 'Add a pod on kind-worker2', keys: 'N', run: { edits: [{ op: 'add', object: { kind: 'Pod', node: 'kind-worker2' } }] } });
    expect(addActions(topo, obj('pod:default/web'))[0]!.label).toBe('Add a pod on kind-worker');
    expect(addActions(topo, obj('ctr:default/web/nginx'))[0]!.label).toBe('Add a pod on kind-worker');
    expect(addActions(topo, null)[0]!.label).toBe('Add a pod on kind-worker');
  });

  it('offers a pod a Service with a free name that selects it, a container, a copy and removal', () => {
    const acts = objectActions(topo, obj('pod:default/web'));
    expect(acts.map((a) => a.id)).toEqual(['add-service-for', 'add-container', 'duplicate', 'remove']);
    expect(acts[0]!.run).toMatchObject({ kind: 'edit', edits: [{ op: 'add', object: { kind: 'Service', name: 'web' } }, { op: 'connect', service: { name: 'web' } }] });
    expect(acts[1]!.run).toMatchObject({ edits: [{ op: 'addContainer', container: { name: 'sidecar' } }] });
  });

  it('says what removing and copying a Deployment\'s pod does', () => {
    const api = topo.elements.find((e) => e.kind === 'pod' && e.owner?.name === 'api')!;
    const acts = objectActions(topo, obj(api.id));
    expect(acts.find((a) => a.id === 'duplicate')!.label).toBe('Add a replica to api');
    expect(acts.find((a) => a.id === 'remove')!.label).toBe('Remove (one replica less of api)');
    expect(acts[0]!.run).toMatchObject({ edits: [{ object: { name: 'api-2' } }, {}] });
  });

  it('lets a Service be connected, removes a container rather than its pod, and offers nothing for the cluster\'s own', () => {
    expect(objectActions(topo, obj('svc:default/api'))[0]).toMatchObject({ id: 'connect', run: { kind: 'mode', event: { type: 'connect', service: 'svc:default/api' } } });
    expect(objectActions(topo, obj('ctr:default/web/metrics')).find((a) => a.id === 'remove')!.run).toMatchObject({ edits: [{ op: 'removeContainer', container: 'metrics' }] });
    expect(objectActions(topo, obj('svc:default/kubernetes'))).toEqual([]);
    expect(objectActions(topo, null)).toEqual([]);
  });

  it('maps keys to actions', () => {
    const acts = [...objectActions(topo, obj('pod:default/web')), ...addActions(topo, obj('pod:default/web'))];
    expect(actionForKey('Delete', false, acts)?.id).toBe('remove');
    expect(actionForKey('Backspace', false, acts)?.id).toBe('remove');
    expect(actionForKey('d', true, acts)?.id).toBe('duplicate');
    expect(actionForKey('d', false, acts)).toBeUndefined();
    expect(actionForKey('n', false, acts)?.id).toBe('add-pod');
    expect(freeName('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});
