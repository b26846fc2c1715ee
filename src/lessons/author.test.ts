import { describe, expect, test } from 'vitest';
import { parseLesson } from '../engine';
import { CHECK_PRESETS, draftFromLesson, draftToYaml, runOfTrace, scenarioRefOf, type LessonDraft } from './author';

const draft: LessonDraft = {
  name: 'mine', title: 'Mine', topic: 'dns', summary: 'A lesson.', scenario: { builtin: 'default' },
  steps: [{ title: 'One', text: 'Look.', run: { send: { from: 'default/web', to: 'svc:default/api', port: 80 } }, check: CHECK_PRESETS[0]!.make('Which hop?') }],
};

describe('the lesson editor\'s drafts', () => {
  test('a draft becomes a lesson that reads back as the same draft', () => {
    const parsed = parseLesson(draftToYaml(draft));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(draftFromLesson(parsed.lesson)).toEqual(draft);
  });

  test('every ready-made check makes a check podpath reads', () => {
    for (const preset of CHECK_PRESETS) {
      const step = { ...draft.steps[0]!, check: preset.make('A question?') };
      const parsed = parseLesson(draftToYaml({ ...draft, steps: [step] }));
      expect(parsed.ok, preset.id).toBe(true);
    }
  });

  test('a trace\'s run becomes a step\'s run; a built-in scenario is named, any other kept whole', () => {
    expect(runOfTrace({ kind: 'send', from: 'a/b', to: 'c/d', proto: 'udp', port: 53 })).toEqual({ send: { from: 'a/b', to: 'c/d', port: 53, proto: 'udp' } });
    expect(runOfTrace({ kind: 'command', from: 'a/b', container: 'x', command: 'ip route' })).toEqual({ shell: { from: 'a/b', container: 'x', command: 'ip route' } });
    expect(scenarioRefOf('text', { default: 'text' })).toEqual({ builtin: 'default' });
    expect(scenarioRefOf('other', { default: 'text' })).toEqual({ yaml: 'other' });
  });
});
