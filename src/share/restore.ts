// The restore pass every incoming link goes through (as excalidraw restores every element it
// is handed): each field is checked on its own; one that is broken is dropped and named, so
// a damaged link still opens what it can. Only a link without a scenario text opens nothing.
import type { TraceRun } from '../engine';
import { LINK_PANELS, type LinkAt, type LinkPanel, type LinkState } from './types';

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e6;
const str = (v: unknown, max = 253): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const PROTOS = new Set(['tcp', 'udp', 'icmp']);

function restoreRun(v: unknown): TraceRun | undefined {
  if (!isObject(v)) return undefined;
  const container = v.container === undefined ? {} : str(v.container, 63) ? { container: v.container } : null;
  if (container === null || !str(v.from)) return undefined;
  if (v.kind === 'send') {
    if (!str(v.to) || typeof v.proto !== 'string' || !PROTOS.has(v.proto)) return undefined;
    const port = v.port === undefined ? {} : Number.isInteger(v.port) && (v.port as number) >= 0 && (v.port as number) <= 65535 ? { port: v.port as number } : null;
    if (port === null) return undefined;
    return { kind: 'send', from: v.from, to: v.to, proto: v.proto as 'tcp' | 'udp' | 'icmp', ...port, ...container };
  }
  if (v.kind === 'command' && str(v.command, 4096)) return { kind: 'command', from: v.from, command: v.command, ...container };
  return undefined;
}

function restoreAt(v: unknown): LinkAt | undefined {
  if (!isObject(v) || !isCount(v.exchange) || !isCount(v.leg) || !isCount(v.hop)) return undefined;
  return {
    exchange: v.exchange, leg: v.leg, hop: v.hop,
    ...(str(v.where, 600) ? { where: v.where } : {}), ...(str(v.kind, 32) ? { kind: v.kind } : {}),
  };
}

/** A link's payload as a LinkState, with what was dropped; a string when nothing can be opened. */
export function restoreLink(payload: unknown): { state: LinkState; repairs: string[] } | string {
  if (!isObject(payload)) return 'the link holds no podpath state';
  if (typeof payload.scenario !== 'string') return 'the link holds no scenario';
  const repairs: string[] = [];
  const state: { -readonly [K in keyof LinkState]: LinkState[K] } = { scenario: payload.scenario };
  if (payload.seed !== undefined) {
    if (Number.isInteger(payload.seed) && (payload.seed as number) >= 0 && (payload.seed as number) <= 2 ** 31 - 1) state.seed = payload.seed as number;
    else repairs.push('its seed was not a whole number from 0 to 2147483647, so the scenario\'s own seed is used');
  }
  if (payload.run !== undefined) {
    const run = restoreRun(payload.run);
    if (run) state.run = run;
    else repairs.push('what it ran could not be read, so nothing is sent');
  }
  if (payload.at !== undefined) {
    const at = state.run ? restoreAt(payload.at) : undefined;
    if (at) state.at = at;
    else repairs.push('its selected hop could not be read, so the first hop is selected');
  }
  if (payload.panel !== undefined) {
    if (LINK_PANELS.includes(payload.panel as LinkPanel)) state.panel = payload.panel as LinkPanel;
    else repairs.push('its panel is not one podpath has, so the trace is shown');
  }
  return { state, repairs };
}
