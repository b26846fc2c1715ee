// Plain-words explanations of a trip through netfilter: which chains the packet went
// through (as the rules' own comments name them), what the deciding rule did, and how many
// rules the kernel compared on the way.
import type { NfStep } from '../netfilter/eval-types';

function comment(text: string): string | undefined {
  const m = /--comment (?:"((?:[^"\\]|\\.)*)"|(\S+))/.exec(text) ?? /comment "((?:[^"\\]|\\.)*)"/.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

const ROLE: readonly [RegExp, string][] = [
  [/^KUBE-SVC-/, "the Service's chain, which picks one endpoint"],
  [/^KUBE-SVL-/, "the Service's chain of local endpoints only"],
  [/^KUBE-SEP-/, "the chain of one endpoint"],
  [/^KUBE-EXT-/, "the chain for traffic from outside the Service's cluster IP"],
  [/^KUBE-FW-/, 'the load balancer source-range check'],
  [/^KUBE-NODEPORTS$/, 'the node ports'],
  [/^KUBE-MARK-MASQ$/, 'which marks the packet (0x4000) to be masqueraded on the way out'],
  [/^KUBE-POSTROUTING$/, 'which masquerades packets carrying the 0x4000 mark'],
  [/^KIND-MASQ-AGENT$/, "kind's egress masquerading"],
  [/^CLOUD-LB-/, "the cloud load balancer's choice of node"],
  [/^(service|external|local)-/, "the Service's chain"],
  [/^endpoint-/, 'the chain of one endpoint'],
];

function roleOf(chain: string): string | undefined {
  return ROLE.find(([re]) => re.test(chain))?.[1];
}

const TRIVIAL = /^(jump |goto |RETURN$|return$|continue$|policy )/;

/** Whether a traversal did anything a learner should see (anything beyond jumping and falling through). */
export function isEventful(steps: readonly NfStep[]): boolean {
  return steps.some((s) => !TRIVIAL.test(s.action));
}

export function describeTraversal(where: string, steps: readonly NfStep[], outcome: string, rulesEvaluated: number): string {
  const path: string[] = [];
  for (const s of steps) {
    const m = /^(?:jump|goto) (\S+)/.exec(s.action);
    if (!m) continue;
    const target = m[1]!;
    const c = comment(s.text);
    const role = roleOf(target);
    path.push(`${target}${c ? ` ("${c}")` : role ? ` (${role})` : ''}`);
  }
  const last = [...steps].reverse().find((s) => !TRIVIAL.test(s.action));
  const notes: string[] = [];
  if (steps.some((s) => /--probability|numgen/.test(s.text) && !TRIVIAL.test(s.action) || (/statistic/.test(s.text) && /^jump/.test(s.action)))) {
    notes.push(steps.some((s) => s.text.includes('CLOUD-LB-'))
      ? 'The load balancer picked one of its healthy nodes at random, its own choice (a draw from the seeded generator).'
      : 'The endpoint was picked at random, as kube-proxy\'s rules ask (a draw from the seeded generator).');
  }
  if (steps.some((s) => /--rcheck|@affinity/.test(s.text))) notes.push('Session affinity: this client was sent to the endpoint it used before.');
  const via = path.length ? `through ${path.join(' → ')}` : 'in the built-in chain';
  const lastComment = last ? comment(last.text) : undefined;
  const deciding = last ? ` The deciding rule${lastComment ? ` ("${lastComment}")` : ''} does ${last.action}.` : '';
  return `${where}: the packet goes ${via}.${deciding} ${outcome}${notes.length ? ` ${notes.join(' ')}` : ''} The kernel compared it with ${rulesEvaluated} rule${rulesEvaluated === 1 ? '' : 's'} on the way.`.replace(/\s+/g, ' ').trim();
}
