// Feedback with the engine's facts filled in. A check's `right` and `wrong` texts may name
// what the learner answered and what the engine computed: {answer} and {truth}, a hop's
// parts ({answer.kind}, {truth.node}, {truth.number} ...), who holds an address
// ({answer.owner}), how the option reads ({truth.label}), and for a task {failed}: what is not true yet, with what the engine saw.
// Placeholders are checked when a lesson is read (placeholdersOf), so none is left unfilled.
import type { CheckKind } from './types';

export type Facts = Readonly<Record<string, string | number | undefined>>;

const PLACEHOLDER = /\{([a-z]+(?:\.[a-z]+)?)\}/gi;

const HOP_PARTS = ['kind', 'node', 'netns', 'device', 'number', 'rule'];
const VALUE_PARTS = ['owner', 'label'];

/** The placeholders a check of this kind may use. */
export function allowedPlaceholders(kind: CheckKind): ReadonlySet<string> {
  switch (kind) {
    case 'hop': return new Set(['answer', 'truth', ...HOP_PARTS.flatMap((p) => [`answer.${p}`, `truth.${p}`])]);
    case 'choice': case 'number': return new Set(['answer', 'truth', ...VALUE_PARTS.flatMap((p) => [`answer.${p}`, `truth.${p}`])]);
    case 'task': return new Set(['failed', 'goal']);
  }
}

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Fills every placeholder; one without a fact reads "(unknown)" rather than staying in braces. */
export function fill(text: string, facts: Facts): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = facts[name];
    return v === undefined || v === '' ? '(unknown)' : String(v);
  });
}
