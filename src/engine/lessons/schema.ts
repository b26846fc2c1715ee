// The Lesson document (apiVersion podpath.dev/v1alpha1, kind Lesson) as zod schemas: a title,
// a topic of the course, the scenario (a built-in one by name, or inline YAML), and steps. A
// step holds our own text, what to run (a send or a shell command, or nothing when the
// learner must find it), what to highlight, and a check. Checks are questions whose answer
// the engine reads from the trace, or tasks it verifies by running the engine; the language
// they are written in (queries over hops and exchanges, values, options) is declared here and
// evaluated in query.ts, values.ts, options.ts and checks.ts.
import { z } from 'zod';
import { TABLE_IDS } from '../format/table-ids';
import { dns1123Subdomain } from '../model/validation/names';
import { checked } from '../model/validation/zod';

export const TOPICS = [
  'model', 'container-to-container', 'pod-to-pod-node', 'pod-to-pod-nodes', 'ipam', 'pod-to-service', 'dns',
  'egress', 'internet-to-service', 'ingress', 'network-policy', 'misconceptions',
] as const;

const HOP_KINDS = [
  'socket', 'route', 'arp', 'bridge', 'veth', 'loopback', 'wire', 'netfilter', 'nat', 'conntrack', 'ipvs', 'encap',
  'decap', 'policy', 'deliver', 'refuse', 'icmp', 'drop', 'dns', 'http', 'proxy', 'app', 'bpf', 'fragment',
] as const;

/** A regular expression, refused when it does not compile. */
const regex = z.string().min(1).superRefine((s, ctx) => {
  try {
    new RegExp(s);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `not a regular expression: ${e instanceof Error ? e.message : String(e)}` });
  }
});

const verdict = z.enum(['delivered', 'dropped', 'refused']);
const hopKind = z.enum(HOP_KINDS);

/** Which exchanges of the conversation. Without one: the conversation's own last exchange (what the sender did last). */
export const exchangeQuery = z.strictObject({
  kind: z.enum(['tcp', 'udp', 'icmp', 'dns', 'http']).optional(),
  /** none: made by the sender itself; some: made on behalf of another (CoreDNS forwarding, a proxy's upstream). */
  parent: z.enum(['none', 'some']).optional(),
  verdict: verdict.optional(),
  title: regex.optional(),
  result: regex.optional(),
  /** Which of the matching exchanges: the first (default), the last, or all of them in time order. */
  pick: z.enum(['first', 'last', 'all']).optional(),
});

/** Which hops. Without a leg: the exchange's first leg (what its sender sent). */
export const hopQuery = z.strictObject({
  exchange: exchangeQuery.optional(),
  leg: z.union([z.enum(['first', 'last', 'out', 'back', 'any']), z.number().int().min(0)]).optional(),
  kind: z.union([hopKind, z.array(hopKind).min(1)]).optional(),
  /** The hop changed the packet's destination (address or port), its source, or either. */
  rewrote: z.enum(['dst', 'src', 'any']).optional(),
  node: z.string().optional(),
  netns: z.string().optional(),
  device: z.string().optional(),
  table: z.string().optional(),
  rule: regex.optional(),
  text: regex.optional(),
  pick: z.enum(['first', 'last']).optional(),
});

export const HOP_FIELDS = [
  'src', 'dst', 'sport', 'dport', 'ttl', 'srcMac', 'dstMac', 'flags', 'before.src', 'before.dst', 'before.sport', 'before.dport',
  'node', 'netns', 'nsId', 'device', 'kind', 'rule', 'table', 'text', 'chain', 'at', 'container', 'rulesEvaluated', 'number',
  'size', 'mss', 'icmp.mtu', 'outer.kind', 'outer.src', 'outer.dst', 'outer.dport', 'outer.vni', 'outer.bytes', 'outer.size',
] as const;
/** An exchange's facts; for DNS the question's name, the answer's response code and how many A records it held; for HTTP the status. */
export const EXCHANGE_FIELDS = [
  'kind', 'title', 'result', 'verdict', 'code', 'to', 'src', 'dst', 'sport', 'dport', 'legs', 'rulesEvaluated', 'qname', 'rcode', 'addresses', 'status',
] as const;

const key = z.string().regex(/^[a-z0-9.-]+\/[a-z0-9.-]+$/, 'NAMESPACE/NAME, e.g. default/web');
const mode = z.enum(['iptables', 'ipvs', 'nftables']);

export const valueExpr = z.discriminatedUnion('of', [
  z.strictObject({ of: z.literal('hop'), hop: hopQuery.optional(), field: z.enum(HOP_FIELDS), match: regex.optional() }),
  z.strictObject({ of: z.literal('exchange'), exchange: exchangeQuery.optional(), field: z.enum(EXCHANGE_FIELDS), match: regex.optional() }),
  z.strictObject({ of: z.literal('exchanges'), where: exchangeQuery.optional() }),
  z.strictObject({ of: z.literal('hops'), where: hopQuery.optional() }),
  z.strictObject({ of: z.literal('trace'), field: z.enum(['verdict', 'code', 'exchanges']) }),
  z.strictObject({ of: z.literal('service'), service: key, field: z.enum(['clusterIP', 'port', 'nodePort', 'targetPort', 'loadBalancerIP', 'endpoints', 'type']) }),
  /** A pod's address, its node, its node's pod range, or the ndots its resolv.conf sets. */
  z.strictObject({ of: z.literal('pod'), pod: key, field: z.enum(['ip', 'node', 'podCIDR', 'ndots']) }),
  /** A node's address, its pod range, or its bridge's address (the first of the range: its pods' gateway). */
  z.strictObject({ of: z.literal('node'), node: z.string().min(1), field: z.enum(['ip', 'podCIDR', 'bridge']) }),
  z.strictObject({ of: z.literal('cluster'), field: z.enum(['podSubnet', 'serviceSubnet', 'nodeSubnet', 'proxyMode', 'gateway']) }),
  /**
   * The rules the kernel compared the conversation's first packet with, if the scenario ran kube-proxy in `mode`;
   * or, with `pick`, the mode in which it meets the most (or fewest) rules.
   */
  z.strictObject({ of: z.literal('rules'), mode: mode.optional(), pick: z.enum(['most', 'fewest']).optional() })
    .refine((v) => (v.mode === undefined) !== (v.pick === undefined), 'give a mode or a pick (most, fewest), not both'),
  /**
   * The rules-vs-Services study: the rules one packet to one Service meets in a cluster of `services` Services, in
   * `mode`; or, with `pick`, the mode in which it meets the most (or fewest).
   */
  z.strictObject({ of: z.literal('study'), services: z.number().int().min(1).max(1000), mode: mode.optional(), pick: z.enum(['most', 'fewest']).optional() })
    .refine((v) => (v.mode === undefined) !== (v.pick === undefined), 'give a mode or a pick (most, fewest), not both'),
  /** A table of a namespace as the tool prints it before any packet: the first capture of `match`, or with `count` how many lines match. */
  /** The first problem podpath finds in the scenario the learner has in the editor (undefined when it loads). */
  z.strictObject({ of: z.literal('draft'), field: z.enum(['line', 'field', 'message', 'problems']), match: regex.optional() }),
  z.strictObject({ of: z.literal('table'), netns: z.string().min(1), table: z.enum(TABLE_IDS), match: regex, count: z.boolean().optional() }),
]);

export const optionsSpec = z.discriminatedUnion('from', [
  z.strictObject({ from: z.enum(['addresses', 'machines', 'devices', 'netns', 'kinds', 'chains', 'drops', 'verdicts', 'modes', 'rcodes', 'nodes', 'services']) }),
  z.strictObject({ from: z.literal('values'), values: z.array(valueExpr).min(2).max(8) }),
  /** The search domains of a pod's resolv.conf, as the kubelet writes it. */
  z.strictObject({ from: z.literal('search'), pod: key }),
]);

const literal = z.union([z.string(), z.number()]);

/** One thing a task wants true of the trace it makes: a value equal to (or not) another, within bounds, or matching. */
export const expectation = z.strictObject({
  that: valueExpr,
  is: z.union([valueExpr, literal]).optional(),
  isNot: z.union([valueExpr, literal]).optional(),
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
  matches: regex.optional(),
  /** What this expectation asks, in plain words, for the feedback ("the connection is delivered"). */
  says: z.string().min(1),
});

export const sendSpec = z.strictObject({
  from: z.string().min(1), to: z.string().min(1), container: z.string().optional(),
  port: z.number().int().min(1).max(65535).optional(), proto: z.enum(['tcp', 'udp', 'sctp', 'icmp']).optional(),
  /** The IP total length to send (a TCP data segment, a datagram, a ping), and the Don't Fragment bit. */
  size: z.number().int().min(28).max(65535).optional(), df: z.boolean().optional(),
});
export const shellSpec = z.strictObject({ from: z.string().min(1), container: z.string().optional(), command: z.string().min(1).max(4096) });
export const runSpec = z.union([z.strictObject({ send: sendSpec }), z.strictObject({ shell: shellSpec })]);

export const scenarioRef = z.union([z.strictObject({ builtin: z.string().min(1) }), z.strictObject({ yaml: z.string().min(1) })]);

/** What a learner could do to finish a step: edits of the scenario text, or the send or command to find ("Show me", and the tests). */
export const solution = z.strictObject({
  edits: z.array(z.union([
    z.strictObject({ find: z.string().min(1), replace: z.string() }),
    z.strictObject({ append: z.string().min(1) }),
  ])).min(1).optional(),
  scenario: scenarioRef.optional(),
  /** What to run, for a step whose learner must find the send or command. */
  run: runSpec.optional(),
}).refine((s) => s.edits !== undefined || s.scenario !== undefined || s.run !== undefined, 'a solution has edits, a scenario or a run');

const feedback = { right: z.string().min(1).optional(), wrong: z.string().min(1).optional() };

export const checkSpec = z.discriminatedUnion('kind', [
  /** The learner selects a hop in the hop list; right when it is the hop the query finds. */
  z.strictObject({ kind: z.literal('hop'), question: z.string().min(1), hop: hopQuery, ...feedback }),
  /** The learner picks one of the options (derived from the trace and the scenario); right when it equals the answer's value. */
  z.strictObject({ kind: z.literal('choice'), question: z.string().min(1), answer: valueExpr, options: optionsSpec, ...feedback }),
  /** The learner types a number; right when it equals the answer's value. */
  z.strictObject({ kind: z.literal('number'), question: z.string().min(1), answer: valueExpr, tolerance: z.number().min(0).optional(), ...feedback }),
  /**
   * The learner changes the scenario (or finds a command); the check runs the engine and tests the expectations on
   * what comes out: `on: run` runs `run` (else the step's) in the learner's scenario, `on: trace` reads the learner's own trace.
   */
  z.strictObject({
    kind: z.literal('task'), goal: z.string().min(1), on: z.enum(['run', 'trace']).optional(), run: runSpec.optional(),
    expect: z.array(expectation).min(1).max(8), ...feedback,
  }),
]);

export const highlightSpec = z.strictObject({
  /** Graph elements by topology id (pod:default/web, dev:node/kind-worker:cni0) or accessible name (pod default/web). */
  elements: z.array(z.string().min(1)).optional(),
  /** Lines of a namespace's table (node/kind-worker, iptables-save) matching a pattern. */
  tables: z.array(z.strictObject({ netns: z.string().min(1), table: z.enum(TABLE_IDS), match: regex })).optional(),
});

export const stepSpec = z.strictObject({
  title: z.string().min(1).max(120),
  text: z.string().min(1).max(2000),
  /** From this step on, the lesson runs in this scenario. */
  scenario: scenarioRef.optional(),
  run: runSpec.optional(),
  /** The learner must find the send or command themselves: the check reads whatever they ran. */
  find: z.boolean().optional(),
  highlight: highlightSpec.optional(),
  check: checkSpec.optional(),
  solution: solution.optional(),
});

export const lessonSpec = z.strictObject({
  apiVersion: z.literal('podpath.dev/v1alpha1'),
  kind: z.literal('Lesson'),
  metadata: z.strictObject({ name: checked(dns1123Subdomain) }),
  spec: z.strictObject({
    title: z.string().min(1).max(120),
    topic: z.enum(TOPICS),
    order: z.number().int().min(0).max(10000).default(100),
    summary: z.string().max(400).optional(),
    scenario: scenarioRef,
    steps: z.array(stepSpec).min(1).max(30),
  }),
});
