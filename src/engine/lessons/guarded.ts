// The checks' doors, guarded like the engine's others: whatever a lesson or a page sends, asking
// or judging a check answers with a result, never a throw. What is caught is a podpath bug,
// reported as such.
import { internalError } from '../guard';
import { judgeCheck as judgeUnguarded, prepareCheck as prepareUnguarded, type CheckContext } from './checks';
import type { Check, Judgement, LessonAnswer, PreparedCheck } from './types';

export function prepareCheck(ctx: CheckContext, check: Check): PreparedCheck {
  try {
    return prepareUnguarded(ctx, check);
  } catch (e) {
    return { ok: false, reason: 'unanswerable', message: internalError('asking the check', e).message };
  }
}

export function judgeCheck(ctx: CheckContext, check: Check, answer: LessonAnswer): Judgement {
  try {
    return judgeUnguarded(ctx, check, answer);
  } catch (e) {
    return { ok: false, reason: 'unanswerable', message: internalError('judging the answer', e).message };
  }
}
