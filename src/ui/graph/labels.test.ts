// Labels drawn on chips and Services, from the topology's structured ports and addresses.
import { describe, expect, it } from 'vitest';
import type { TopoElement } from '../../engine';
import { allPortsText, firstAddress, portsText } from './labels';

const el = (over: Partial<TopoElement>): TopoElement => ({ id: 'x', kind: 'device', label: 'x', name: 'x', details: [], ...over });

describe('portsText', () => {
  it('shows the first port and counts the rest', () => {
    expect(portsText([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { port: 9153, protocol: 'TCP' }])).toBe('53/UDP +2');
    expect(portsText([{ port: 80, protocol: 'TCP' }])).toBe('80/TCP');
    expect(portsText([])).toBe('no ports');
    expect(portsText(undefined)).toBe('no ports');
  });

  it('lists every port when asked for all', () => {
    expect(allPortsText([{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }])).toBe('80/TCP · 443/TCP');
  });
});

describe('firstAddress', () => {
  it('takes the first address, and nothing for an element without one', () => {
    expect(firstAddress(el({ addresses: ['10.244.1.1/24', '10.244.1.9/24'] }))).toBe('10.244.1.1/24');
    expect(firstAddress(el({ addresses: [] }))).toBeUndefined();
    expect(firstAddress(el({}))).toBeUndefined();
  });
});

describe('allPortsText for Services', () => {
  it('shows where a Service port goes on the pods and its node port', () => {
    expect(allPortsText([{ port: 80, protocol: 'TCP', targetPort: 'http', nodePort: 31540 }, { port: 53, protocol: 'UDP', targetPort: 53, nodePort: 0 }]))
      .toBe('80→http/TCP :31540 · 53/UDP');
  });
});
