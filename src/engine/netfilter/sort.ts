// A port of kube-proxy's test helper sortIPTablesRules (pkg/proxy/iptables/proxier_test.go)
// and of the parts of pkg/util/iptables/testing/parse.go it relies on. kube-proxy writes
// Services in Go map order; the upstream goldens are stored after this sort, so output is
// compared with them in their own form. Go's sort.SliceStable is ported too, so that rules
// the comparator cannot order (no comment) land exactly where Go puts them.

interface DumpRule {
  readonly raw: string;
  readonly comment: string | null;
}
interface DumpChain {
  readonly name: string;
  readonly packets: string;
  readonly bytes: string;
  rules: DumpRule[];
  deleted: boolean;
}
interface DumpTable {
  readonly name: string;
  readonly chains: DumpChain[];
}

// parse.go Rule fields that take a value; flags and unknown words are skipped one at a time.
const VALUE_PARAMS = new Set(['-A', '--comment', '-p', '-s', '--src-type', '--sport', '-d', '--dst-type', '--dport', '--match-set', '-j', '--probability', '--to-destination', '--mark', '--ctstate', '--name', '--seconds', '--mode']);
const WORD = /(?:^|\s)("[^"]*"|[^"]\S*)/g;

/** ParseRule's view of the comment: the value after the last `--comment` word, quotes trimmed. */
function ruleComment(line: string): string | null {
  const words = [...line.matchAll(WORD)].map((m) => (m[1] ?? '').replace(/^"+|"+$/g, ''));
  if (words.length < 3 || words[0] !== '-A') throw new Error(`bad iptables rule "${line}"`);
  let comment: string | null = null;
  for (let w = 0; w < words.length; ) {
    const word = words[w] as string;
    if (word === '-m' && w < words.length - 1) w += 2;
    else if (word === '!') w++;
    else if (VALUE_PARAMS.has(word)) {
      if (w === words.length - 1) throw new Error(`parameter "${word}" requires an argument`);
      if (word === '--comment') comment = words[w + 1] as string;
      w += 2;
    } else w++;
  }
  return comment;
}

/** iptablestest.ParseIPTablesDump */
function parseDump(data: string): DumpTable[] {
  const tables: DumpTable[] = [];
  let state: 'table' | 'chains' | 'rules' = 'table';
  let t: DumpTable | undefined;
  for (const rawLine of data.replace(/^\n+|\n+$/g, '').split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (state === 'table') {
      if (!line.startsWith('*')) throw new Error(`could not parse iptables data (table ${tables.length + 1} starts with "${line}" not a table name)`);
      t = { name: line.slice(1), chains: [] };
      tables.push(t);
      state = 'chains';
      continue;
    }
    const table = t as DumpTable;
    if (state === 'chains') {
      const m = /^:([^ ]*) - \[([0-9]*):([0-9]*)\]$/.exec(line);
      if (m) {
        table.chains.push({ name: m[1] ?? '', packets: String(Number(m[2])), bytes: String(Number(m[3])), rules: [], deleted: false });
        continue;
      }
      state = 'rules';
    }
    const add = /^-A ([^ ]*) (.*)$/.exec(line);
    const del = /^-X (.*)$/.exec(line);
    if (add) {
      const chain = table.chains.find((c) => c.name === add[1]);
      if (!chain) throw new Error(`error parsing rule "${line}": no such chain "${add[1] ?? ''}"`);
      if (chain.deleted) throw new Error(`cannot add rules to deleted chain "${chain.name}"`);
      chain.rules.push({ raw: line, comment: ruleComment(line) });
    } else if (del) {
      const chain = table.chains.find((c) => c.name === del[1]);
      if (!chain) throw new Error(`error parsing rule "${line}": no such chain "${del[1] ?? ''}"`);
      if (chain.rules.length > 0) throw new Error(`cannot delete chain "${chain.name}" after adding rules`);
      chain.deleted = true;
    } else if (line === 'COMMIT') {
      state = 'table';
    } else {
      throw new Error(`error parsing rule "${line}"`);
    }
  }
  if (state !== 'table') throw new Error('could not parse iptables data (no COMMIT line?)');
  return tables;
}

function dumpString(tables: readonly DumpTable[]): string {
  let out = '';
  for (const t of tables) {
    out += `*${t.name}\n`;
    for (const c of t.chains) out += `:${c.name} - [${c.packets}:${c.bytes}]\n`;
    for (const c of t.chains) for (const r of c.rules) out += `${r.raw}\n`;
    for (const c of t.chains) if (c.deleted) out += `-X ${c.name}\n`;
    out += 'COMMIT\n';
  }
  return out;
}

type Less = (i: number, j: number) => boolean;

/** Go's sort.SliceStable: insertion sort on blocks of 20, then SymMerge (zsortfunc.go). */
export function goSliceStable<T>(data: T[], less: (a: T, b: T) => boolean): void {
  const l: Less = (i, j) => less(data[i] as T, data[j] as T);
  const swap = (i: number, j: number): void => {
    const x = data[i] as T;
    data[i] = data[j] as T;
    data[j] = x;
  };
  const insertion = (a: number, b: number): void => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && l(j, j - 1); j--) swap(j, j - 1);
  };
  const swapRange = (a: number, b: number, n: number): void => {
    for (let i = 0; i < n; i++) swap(a + i, b + i);
  };
  const rotate = (a: number, m: number, b: number): void => {
    let i = m - a;
    let j = b - m;
    while (i !== j) {
      if (i > j) {
        swapRange(m - i, m, j);
        i -= j;
      } else {
        swapRange(m - i, m + j - i, i);
        j -= i;
      }
    }
    swapRange(m - i, m, i);
  };
  const symMerge = (a: number, m: number, b: number): void => {
    if (m - a === 1) {
      let i = m;
      let j = b;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (l(h, a)) i = h + 1;
        else j = h;
      }
      for (let k = a; k < i - 1; k++) swap(k, k + 1);
      return;
    }
    if (b - m === 1) {
      let i = a;
      let j = m;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (!l(m, h)) i = h + 1;
        else j = h;
      }
      for (let k = m; k > i; k--) swap(k, k - 1);
      return;
    }
    const mid = (a + b) >>> 1;
    const n = mid + m;
    let start: number;
    let r: number;
    if (m > mid) {
      start = n - b;
      r = mid;
    } else {
      start = a;
      r = m;
    }
    const p = n - 1;
    while (start < r) {
      const c = (start + r) >>> 1;
      if (!l(p - c, c)) start = c + 1;
      else r = c;
    }
    const end = n - start;
    if (start < m && m < end) rotate(start, m, end);
    if (a < start && start < mid) symMerge(a, start, mid);
    if (mid < end && end < b) symMerge(mid, end, b);
  };
  const n = data.length;
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertion(a, b);
    a = b;
    b += blockSize;
  }
  insertion(a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(a, m, n);
    blockSize *= 2;
  }
}

/** orderByCommentServiceName: the service name is the comment up to the first space or colon. */
function orderByCommentServiceName(r1: DumpRule, r2: DumpRule): boolean {
  if (r1.comment === null || r2.comment === null) return false;
  const cut = (s: string): string => {
    const i = s.search(/[ :]/);
    return i === -1 ? s : s.slice(0, i);
  };
  return cut(r1.comment) < cut(r2.comment);
}

function chainLess(a: string, b: string): boolean {
  if (a === 'KUBE-NODEPORTS') return true;
  if (b === 'KUBE-NODEPORTS') return false;
  if (a === 'KUBE-SERVICES') return true;
  if (b === 'KUBE-SERVICES') return false;
  const ka = a.startsWith('KUBE-');
  const kb = b.startsWith('KUBE-');
  if (ka !== kb) return ka;
  return a < b;
}

/** sortIPTablesRules(ruleData): throws where the Go helper returns an error. */
export function sortIPTablesRules(ruleData: string): string {
  const tables = parseDump(ruleData);
  tables.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  for (const t of tables) t.chains.sort((x, y) => (x.name === y.name ? 0 : chainLess(x.name, y.name) ? -1 : 1));
  const chain = (table: string, name: string): DumpChain | undefined => tables.find((t) => t.name === table)?.chains.find((c) => c.name === name);
  for (const table of ['filter', 'nat']) {
    const np = chain(table, 'KUBE-NODEPORTS');
    if (np) goSliceStable(np.rules, orderByCommentServiceName);
  }
  const fs = chain('filter', 'KUBE-SERVICES');
  if (fs) goSliceStable(fs.rules, orderByCommentServiceName);
  const ns = chain('nat', 'KUBE-SERVICES');
  if (ns) {
    const last = (r: DumpRule): boolean => r.comment !== null && r.comment.includes('must be the last rule');
    goSliceStable(ns.rules, (a, b) => (last(a) ? false : last(b) ? true : orderByCommentServiceName(a, b)));
  }
  return dumpString(tables);
}
