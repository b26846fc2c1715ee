// A port of kube-proxy's test invariant checkIPTablesRuleJumps (proxier_test.go): in an
// iptables-restore payload every chain that is jumped to or filled must have been created,
// every chain jumped to must have rules (KUBE-NODEPORTS excepted), and every created chain
// must be used (kube-proxy's top-level chains excepted). Returns the error text, or null.

const IGNORED_TARGETS = ['ACCEPT', 'REJECT', 'DROP', 'MARK', 'RETURN', 'DNAT', 'SNAT', 'MASQUERADE'];
const TOP_LEVEL = ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-FORWARD', 'KUBE-MARK-MASQ', 'KUBE-PROXY-FIREWALL', 'KUBE-FIREWALL'];

/** parseIPTablesData: table name -> its lines (with COMMIT). */
function parseIPTablesData(ruleData: string): Map<string, string[]> {
  const raw = ruleData.replace(/^\n/, '').split('COMMIT\n');
  const n = raw.length - 1;
  if (n < 2 || raw[n] !== '') throw new Error(`bad ruleData (${n} tables)`);
  const tables = new Map<string, string[]>();
  raw.slice(0, n).forEach((table, i) => {
    const lines = table.replace(/^\n+|\n+$/g, '').split('\n');
    const first = lines[0] ?? '';
    if (first.charAt(0) !== '*') throw new Error(`bad ruleData (table ${i + 1} starts with "${first}")`);
    lines.push('COMMIT');
    tables.set(first.slice(1), lines);
  });
  if (!tables.has('nat')) throw new Error('bad ruleData (no "nat" table)');
  if (!tables.has('filter')) throw new Error('bad ruleData (no "filter" table)');
  return tables;
}

function findAll(lines: readonly string[], re: RegExp): Set<string> {
  const out = new Set<string>();
  for (const line of lines) {
    const m = re.exec(line);
    if (m && m[1] !== undefined) out.add(m[1]);
  }
  return out;
}

const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>): string[] => [...a].filter((x) => !b.has(x)).sort();

export function checkIPTablesRuleJumps(ruleData: string): string | null {
  let tables: Map<string, string[]>;
  try {
    tables = parseIPTablesData(ruleData);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  for (const [tableName, lines] of tables) {
    const created = findAll(lines, /^:([^ ]*)/);
    for (const x of findAll(lines, /-X ([^ ]*)/)) created.delete(x);
    const filled = findAll(lines, /-A ([^ ]*)/);
    const jumped = findAll(lines, /-j ([^ ]*)/);
    for (const t of IGNORED_TARGETS) jumped.delete(t);

    const missing = new Set([...minus(jumped, created), ...minus(filled, created)]);
    if (missing.size > 0) return `some chains in ${tableName} are used but were not created: [${[...missing].sort().join(' ')}]`;
    const empty = minus(jumped, filled).filter((c) => c !== 'KUBE-NODEPORTS');
    if (empty.length > 0) return `some chains in ${tableName} are jumped to but have no rules: [${empty.join(' ')}]`;
    const extra = minus(created, jumped).filter((c) => !TOP_LEVEL.includes(c));
    if (extra.length > 0) return `some chains in ${tableName} are created but not used: [${extra.join(' ')}]`;
  }
  return null;
}
