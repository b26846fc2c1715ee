import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile } from '../cluster/compile';
import { parseScenario } from '../model/parse';
import { exec } from '../shell/exec';
import { simulate } from '../stack/simulate';
import type { Cluster } from '../cluster/types';
import type { Trace } from '../trace/types';
import { isRunOf } from './checks';
import { judgeCheck, prepareCheck } from './guarded';
import type { Check, RunSpec } from './types';

const DEFAULT = readFileSync(new URL('../../scenarios/default.yaml', import.meta.url), 'utf8');

function cluster(text = DEFAULT): Cluster {
  const p = parseScenario(text);
  if (!p.ok) throw new Error('no parse');
  const c = compile(p.scenario);
  if (!c.ok) throw new Error('no compile');
  return c.cluster;
}

const c = cluster();
const toApi: RunSpec = { send: { from: 'default/web', to: 'svc:default/api', port: 80 } };
const sent = (): Trace => {
  const r = simulate(c, { from: 'default/web', to: 'svc:default/api', port: 80 });
  if (!r.ok) throw new Error(r.error);
  return r.trace;
};

describe('asking a check', () => {
  const dnat: Check = { kind: 'hop', question: 'Which hop?', hop: { rewrote: 'dst' }, wrong: 'Not {answer}; it was {truth.kind}.' };

  test('a question about a trace waits for the step\'s run, and says which', () => {
    const none = prepareCheck({ cluster: c, trace: null, step: { run: toApi } }, dnat);
    expect(none).toMatchObject({ ok: false, reason: 'no-trace' });
    const other = simulate(c, { from: 'default/web', to: 'default/cache', port: 6379 });
    if (!other.ok) throw new Error(other.error);
    const wrongRun = prepareCheck({ cluster: c, trace: other.trace, step: { run: toApi } }, dnat);
    expect(wrongRun).toMatchObject({ ok: false, reason: 'other-run' });
    if (!wrongRun.ok) expect(wrongRun.message).toContain('svc:default/api');
  });

  test('the hop that rewrote the destination is the first whose packet differs from the one before it', () => {
    const trace = sent();
    const p = prepareCheck({ cluster: c, trace, step: { run: toApi } }, dnat);
    if (!p.ok || p.truth.kind !== 'hop') throw new Error('not asked');
    const hop = trace.exchanges[p.truth.exchange]!.legs[p.truth.leg]!.hops[p.truth.hop]!;
    expect(hop.before?.dst).not.toBe(hop.packet.dst);
    expect(hop.kind).toBe('nat');
    const wrong = judgeCheck({ cluster: c, trace, step: { run: toApi } }, dnat, { kind: 'hop', exchange: 0, leg: 0, hop: 0 });
    expect(wrong).toEqual({ ok: true, correct: false, feedback: expect.stringContaining('it was nat') as unknown as string });
  });

  test('a choice\'s options come from the trace, carry who holds each address, and include the answer', () => {
    const trace = sent();
    const check: Check = { kind: 'choice', question: 'Source?', answer: { of: 'hop', hop: { leg: 1, kind: 'deliver' }, field: 'src' }, options: { from: 'addresses' } };
    const p = prepareCheck({ cluster: c, trace, step: { run: toApi } }, check);
    if (!p.ok || p.truth.kind !== 'choice') throw new Error('not asked');
    const svc = c.service('default/api')!.clusterIP!;
    expect(p.truth.value).toBe(svc);
    expect(p.options).toContainEqual({ value: svc, label: `${svc} (Service default/api (ClusterIP))` });
    expect(p.options!.length).toBeGreaterThan(2);
  });

  test('the drop catalogue as options: every reason once, and no two options read the same', () => {
    const trace = sent();
    const check: Check = { kind: 'choice', question: 'Why?', answer: { of: 'exchange', field: 'verdict' }, options: { from: 'drops' } };
    const p = prepareCheck({ cluster: c, trace, step: { run: toApi } }, check);
    if (!p.ok) throw new Error('not asked');
    const labels = p.options!.map((o) => o.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('Connection refused (tcp-reset)');
    expect(labels).toContain('Connection refused (sctp-abort)');
    expect(labels).toContain('No route to the destination');
  });

  test('a number may allow a tolerance; outside it the answer is wrong', () => {
    const trace = sent();
    const check: Check = { kind: 'number', question: 'TTL?', answer: { of: 'hop', hop: { kind: 'deliver' }, field: 'ttl' }, tolerance: 1 };
    const ctx = { cluster: c, trace, step: { run: toApi } };
    const p = prepareCheck(ctx, check);
    if (!p.ok || p.truth.kind !== 'number') throw new Error('not asked');
    expect(judgeCheck(ctx, check, { kind: 'number', value: p.truth.value + 1 })).toMatchObject({ correct: true });
    expect(judgeCheck(ctx, check, { kind: 'number', value: p.truth.value + 2 })).toMatchObject({ correct: false });
  });

  test('a task runs its send in the learner\'s scenario and names what is not true yet', () => {
    const task: Check = {
      kind: 'task', goal: 'Three endpoints',
      expect: [{ that: { of: 'service', service: 'default/api', field: 'endpoints' }, is: 3, says: 'api has three endpoints' }],
    };
    const before = judgeCheck({ cluster: c, trace: null, step: { run: toApi } }, task, { kind: 'task' });
    expect(before).toEqual({ ok: true, correct: false, feedback: 'Not yet: api has three endpoints (the engine found 2).' });
    const after = judgeCheck({ cluster: cluster(DEFAULT.replace('replicas: 2', 'replicas: 3')), trace: null, step: { run: toApi } }, task, { kind: 'task' });
    expect(after).toMatchObject({ ok: true, correct: true });
  });

  test('a question about what podpath refuses reads the editor\'s draft, and waits while it loads', () => {
    const check: Check = { kind: 'number', question: 'Line?', answer: { of: 'draft', field: 'line' } };
    expect(prepareCheck({ cluster: c, trace: null, step: {} }, check)).toMatchObject({ ok: false, reason: 'no-draft' });
    const draft = DEFAULT.replace('podSubnet: 10.244.0.0/16', 'podSubnet: 10.96.0.0/12');
    const line = draft.split('\n').findIndex((l) => l.includes('podSubnet')) + 1;
    expect(prepareCheck({ cluster: c, trace: null, step: {}, draft }, check)).toMatchObject({ ok: true, truth: { kind: 'number', value: line } });
    // A part of the refusal's message, by a pattern: the range it overlaps.
    const overlap = { of: 'draft', field: 'message', match: 'overlaps (\\w+)' } as const;
    const which: Check = { kind: 'choice', question: 'Which?', answer: overlap, options: { from: 'values', values: [overlap, { of: 'draft', field: 'field' }] } };
    expect(prepareCheck({ cluster: c, trace: null, step: {}, draft }, which)).toMatchObject({ ok: true, truth: { kind: 'choice', value: 'serviceSubnet' } });
  });

  test('DNS answers are read from the packets: the question\'s name and the response code', () => {
    const r = exec(c, { from: 'default/web', command: 'dig api' });
    if (!r.ok || !r.trace) throw new Error('no trace');
    const run: RunSpec = { shell: { from: 'default/web', command: 'dig api' } };
    const check: Check = { kind: 'choice', question: 'Code?', answer: { of: 'exchange', field: 'rcode' }, options: { from: 'rcodes' } };
    expect(prepareCheck({ cluster: c, trace: r.trace, step: { run } }, check)).toMatchObject({ ok: true, truth: { value: 'NXDOMAIN' } });
  });
});

describe('which run a trace is of', () => {
  test('a send matches on its ends, protocol and port; a command on its words', () => {
    expect(isRunOf(toApi, { kind: 'send', from: 'default/web', to: 'svc:default/api', proto: 'tcp', port: 80 })).toBe(true);
    expect(isRunOf(toApi, { kind: 'send', from: 'default/web', to: 'svc:default/api', proto: 'tcp', port: 81 })).toBe(false);
    const cmd: RunSpec = { shell: { from: 'default/web', command: 'curl  http://api/' } };
    expect(isRunOf(cmd, { kind: 'command', from: 'default/web', command: 'curl http://api/', container: 'nginx' })).toBe(true);
    expect(isRunOf(cmd, { kind: 'command', from: 'default/cache', command: 'curl http://api/' })).toBe(false);
  });
});
