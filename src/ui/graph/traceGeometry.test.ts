// The packet's journey over a real trace: it rests inside each hop's element, follows the
// drawn links, and can be walked backwards along the same line.
import { describe, expect, it } from 'vitest';
import type { Hop } from '../../engine';
import { createLoadedStore, type Step } from '../../store';
import defaultYaml from '../../scenarios/default.yaml?raw';
import { contains } from './geometry';
import { layoutTopology } from './layout';
import { isPhysical } from './build';
import { API_FAR } from './testTopology.fixture';
import { journeyOf, pathBetween } from './traceGeometry';

const store = await createLoadedStore(defaultYaml);
const { topo } = store.getState();
await store.getState().sendRequest({ from: 'default/web', to: API_FAR, port: 8080 });
const { steps } = store.getState();
const layout = layoutTopology(topo);
const geo = { boxes: layout.boxes, links: topo.links.filter(isPhysical) };

describe('journeyOf', () => {
  const j = journeyOf(geo, steps);

  it('rests the packet inside the element of every hop, request and reply', () => {
    steps.forEach((s, i) => expect(contains(layout.boxes.get(s.hop.at)!, j.rests[i]!)).toBe(true));
  });

  it('travels along the veth pair, the bridge port and the node network on the way across', () => {
    expect([...j.pathLinks]).toEqual(expect.arrayContaining([
      'veth:pod/default/web:eth0', 'port:node/kind-worker:veth8c216bd1', 'wire:node/kind-worker:eth0', 'wire:node/kind-worker2:eth0', `veth:pod/${API_FAR}:eth0`,
    ]));
    expect(j.pathLinks.has('veth:pod/default/cache:eth0')).toBe(false);
  });

  it('marks every element the trace touches as visited', () => {
    expect(j.visited.has('dev:node/kind-worker2:cni0')).toBe(true);
    expect(j.visited.has('pod:default/cache')).toBe(false);
  });

  it('leaves the packet in place while hops stay on one element', () => {
    const i = steps.findIndex((s, k) => k > 0 && s.hop.at === steps[k - 1]!.hop.at);
    expect(j.rests[i]).toEqual(j.rests[i - 1]);
  });

  it('keeps a hop whose element is not drawn at the previous resting point', () => {
    const odd: Step[] = [...steps.slice(0, 3), { exchange: 0, legIndex: 0, leg: 'SYN', dir: 'out', opening: true, index: 3, hop: { ...steps[3]!.hop, at: 'nowhere' } as Hop }];
    const jj = journeyOf(geo, odd);
    expect(jj.rests[3]).toEqual(jj.rests[2]);
  });
});

describe('pathBetween', () => {
  const j = journeyOf(geo, steps);
  const across = steps.findIndex((s) => s.hop.kind === 'bridge');

  it('follows the move forward, and the same points reversed going back', () => {
    const forward = pathBetween(j, across - 1, across);
    expect(forward.length).toBeGreaterThan(2);
    expect(forward.at(-1)).toEqual(j.rests[across]);
    expect(pathBetween(j, across, across - 1)).toEqual([...forward].reverse());
  });

  it('jumps straight to the target when the selection skips hops', () => {
    expect(pathBetween(j, 0, 7)).toEqual([j.rests[7]]);
  });
});
