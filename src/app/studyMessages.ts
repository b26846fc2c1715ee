// What the study worker tells the page.
import type { RuleWalkPoint } from '../engine';

export type StudyMessage =
  | { readonly type: 'point'; readonly point: RuleWalkPoint }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };
