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

/** The rule that decided a traversal: its last step that was more than a jump or a fall-through. */
export function decidingStep<S extends Pick<NfStep, 'action'>>(steps: readonly S[]): S | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (!TRIVIAL.test(steps[i]!.action)) return steps[i];
  return undefined;
}

/** Whether a traversal did anything a learner should see (anything beyond jumping and falling through). */
export function isEventful(steps: readonly NfStep[]): boolean {
  return steps.some((s) => !TRIVIAL.test(s.action));
}

/** What the explanation reads from one rule's text; rule texts repeat across sends, so it is read once per text. */
interface RuleFacts {
  readonly comment: string | undefined;
  readonly random: boolean;
  readonly statistic: boolean;
  readonly affinity: boolean;
  readonly cloudLb: boolean;
}

const FACTS = new Map<string, RuleFacts>();

function factsOf(text: string): RuleFacts {
  let f = FACTS.get(text);
  if (!f) {
    f = {
      comment: comment(text), random: /--probability|numgen/.test(text), statistic: /statistic/.test(text),
      affinity: /--rcheck|@affinity/.test(text), cloudLb: text.includes('CLOUD-LB-'),
    };
    // A bound on what one page keeps: rule sets are finite, but scenarios come and go.
    if (FACTS.size > 50_000) FACTS.clear();
    FACTS.set(text, f);
  }
  return f;
}

const ROLES = new Map<string, string | undefined>();
const TARGET = /^(?:jump|goto) (\S+)/;

export function describeTraversal(where: string, steps: readonly NfStep[], outcome: string, rulesEvaluated: number): string {
  const path: string[] = [];
  let last: NfStep | undefined;
  let random = false;
  let cloudLb = false;
  let affinity = false;
  for (const s of steps) {
    const f = factsOf(s.text);
    const trivial = TRIVIAL.test(s.action);
    if (!trivial) last = s;
    if ((f.random && !trivial) || (f.statistic && s.action.startsWith('jump'))) random = true;
    if (f.cloudLb) cloudLb = true;
    if (f.affinity) affinity = true;
    const m = TARGET.exec(s.action);
    if (!m) continue;
    const target = m[1]!;
    let role = ROLES.get(target);
    if (role === undefined && !ROLES.has(target)) {
      role = roleOf(target);
      if (ROLES.size > 50_000) ROLES.clear();
      ROLES.set(target, role);
    }
    path.push(`${target}${f.comment ? ` ("${f.comment}")` : role ? ` (${role})` : ''}`);
  }
  const notes: string[] = [];
  if (random) {
    notes.push(cloudLb
      ? 'The load balancer picked one of its healthy nodes at random, its own choice (a draw from the seeded generator).'
      : 'The endpoint was picked at random, as kube-proxy\'s rules ask (a draw from the seeded generator).');
  }
  if (affinity) notes.push('Session affinity: this client was sent to the endpoint it used before.');
  const via = path.length ? `through ${path.join(' → ')}` : 'in the built-in chain';
  const lastComment = last ? factsOf(last.text).comment : undefined;
  const deciding = last ? ` The deciding rule${lastComment ? ` ("${lastComment}")` : ''} does ${last.action}.` : '';
  return `${where}: the packet goes ${via}.${deciding} ${outcome}${notes.length ? ` ${notes.join(' ')}` : ''} The kernel compared it with ${rulesEvaluated} rule${rulesEvaluated === 1 ? '' : 's'} on the way.`.replace(/\s+/g, ' ').trim();
}
