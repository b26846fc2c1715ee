// iproute2 ss 6.15.0 (Debian 13): what `ss -tuln`, `ss -tuan` and `ss -tulpn` print. Read from
// iproute2 at tag v6.15.0, misc/ss.c: the columns table (Netid, State, Recv-Q, Send-Q,
// "Local Address:" right-aligned, Port, "Peer Address:" right-aligned, Port, Process, and an
// empty last column), main (Netid hidden when one table is shown, State when one state is,
// Process unless -p: since 6.8), -l = LISTEN|UNCONN and the default = connected states without
// TIME-WAIT and SYN-RECV, UDP before TCP; sock_state_print ("%-6d" queues), inet_addr_print
// ("*" for a dual-stack ::, brackets for IPv6, "%" and the device for a scoped address, "*" for
// port 0, a service name unless -n or the port is ephemeral), proc_ctx_print
// (" users:((\"%s\",pid=%d,fd=%d),...)") and render_calc_width/render (columns as wide as their
// longest field plus the delimiter; on a terminal the spare width of the screen is shared out,
// the rightmost columns first; without a terminal width, no spreading).
import type { CommandOutput } from '../results';
import { writer } from './output';
import { serviceName } from './services';

export type SsState = 'LISTEN' | 'UNCONN' | 'ESTAB' | 'SYN-SENT' | 'SYN-RECV' | 'FIN-WAIT-1' | 'FIN-WAIT-2'
  | 'TIME-WAIT' | 'CLOSE-WAIT' | 'LAST-ACK' | 'CLOSING';

export interface SsEndpoint {
  readonly addr: string;
  readonly port: number;
  /** The device of a scoped address (127.0.0.53%lo). */
  readonly iface?: string;
}

/** One socket as the kernel's socket diagnostics report it. */
export interface SsSocket {
  readonly netid: 'tcp' | 'udp';
  readonly state: SsState;
  readonly recvQ: number;
  readonly sendQ: number;
  readonly local: SsEndpoint;
  readonly peer: SsEndpoint;
  /** An IPv6 socket with IPV6_V6ONLY ([::] instead of *). */
  readonly v6only?: boolean;
  /** The processes holding it (ss -p). */
  readonly users?: readonly { readonly name: string; readonly pid: number; readonly fd: number }[];
}

export interface SsOptions {
  readonly tcp?: boolean;
  readonly udp?: boolean;
  /** -l: listening sockets (LISTEN, and UNCONN for UDP). */
  readonly listening?: boolean;
  /** -a: all states. */
  readonly all?: boolean;
  /** -n: numeric ports. */
  readonly numeric?: boolean;
  /** -p: the Process column. */
  readonly processes?: boolean;
  /** The terminal's width in columns; without one ss prints the compact form (as to a pipe). */
  readonly screenWidth?: number;
}

type Align = 'left' | 'right';
interface Column { readonly header: string; readonly align: Align; readonly ldelim: string; disabled: boolean; maxLen: number; width: number }

/** /proc/sys/net/ipv4/ip_local_port_range's default: these ports print as numbers. */
const EPHEMERAL = [32768, 60999] as const;

export function printSs(sockets: readonly SsSocket[], opts: SsOptions = {}): CommandOutput {
  const both = !opts.tcp && !opts.udp;
  const tables = ([opts.udp || both ? 'udp' : undefined, opts.tcp || both ? 'tcp' : undefined] as const).filter((t) => t !== undefined);
  const states = opts.all ? 'all' : opts.listening ? 'listening' : 'connected';
  const cols: Column[] = [
    ['Netid', 'left', ''], ['State', 'left', ' '], ['Recv-Q', 'left', ' '], ['Send-Q', 'left', ' '],
    ['Local Address:', 'right', ' '], ['Port', 'left', ''], ['Peer Address:', 'right', ' '], ['Port', 'left', ''],
    ['Process', 'left', ''], ['', 'left', ''],
  ].map(([header, align, ldelim]) => ({ header: header!, align: align as Align, ldelim: ldelim!, disabled: false, maxLen: 0, width: 0 }));
  cols[0]!.disabled = tables.length === 1;
  cols[8]!.disabled = !opts.processes;
  const EXT = cols.length - 1;

  // The token stream: one token per enabled column and row, as ss's output buffer holds them.
  const tokens: { col: number; text: string }[] = [];
  const put = (col: number, text: string) => {
    if (cols[col]!.disabled) return;
    cols[col]!.maxLen = Math.max(cols[col]!.maxLen, text.length);
    tokens.push({ col, text });
  };
  for (let i = 0; i < EXT; i++) put(i, cols[i]!.header);
  const shown = tables.flatMap((t) => sockets.filter((s) => s.netid === t && inStates(s.state, states)));
  for (const s of shown) {
    put(EXT, '');
    put(0, s.netid);
    put(1, s.state);
    put(2, String(s.recvQ).padEnd(6));
    put(3, String(s.sendQ).padEnd(6));
    put(4, `${address(s.local, s.v6only)}:`);
    put(5, port(s.local.port, s.netid, opts.numeric));
    put(6, `${address(s.peer, s.v6only)}:`);
    put(7, port(s.peer.port, s.netid, opts.numeric));
    put(8, s.users?.length ? ` users:(${s.users.map((u) => `("${u.name}",pid=${u.pid},fd=${u.fd})`).join(',')})` : '');
  }
  calcWidths(cols, opts.screenWidth);
  const w = writer();
  w.out(render(cols, tokens));
  return w.done(0);
}

function inStates(state: SsState, which: 'all' | 'listening' | 'connected'): boolean {
  if (which === 'all') return true;
  const listening = state === 'LISTEN' || state === 'UNCONN';
  return which === 'listening' ? listening : !listening && state !== 'TIME-WAIT' && state !== 'SYN-RECV';
}

function address(e: SsEndpoint, v6only = false): string {
  let a = e.addr;
  if (a.includes(':')) a = a === '::' && !v6only ? '*' : `[${a}]`;
  return e.iface ? `${a}%${e.iface}` : a;
}

function port(p: number, proto: 'tcp' | 'udp', numeric = false): string {
  if (p === 0) return '*';
  if (numeric || (p >= EPHEMERAL[0] && p <= EPHEMERAL[1])) return String(p);
  return serviceName(p, proto) ?? String(p);
}

/** render_calc_width(). */
function calcWidths(cols: Column[], screenWidth: number | undefined): void {
  let first = true;
  for (const c of cols) {
    if (c.disabled) continue;
    c.width = !first && c.maxLen ? c.maxLen + c.ldelim.length : c.maxLen;
    if (screenWidth !== undefined) c.width = Math.min(c.width, screenWidth);
    if (c.width) first = false;
  }
  if (screenWidth === undefined) return;
  let len = 0;
  let lineCols = 0;
  let eol = -1;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    if (!c.width) continue;
    lineCols++;
    len += c.width;
    const last = !cols.slice(i + 1).some((t) => t.width);
    if (!last && len < screenWidth) continue;
    if (len !== screenWidth) {
      if (len > screenWidth) { len -= c.width; i--; lineCols--; }
      const pad = screenWidth - len;
      const spacing = Math.floor(pad / lineCols);
      let rem = pad % lineCols;
      for (let t = i; t > eol; t--) {
        const tc = cols[t]!;
        if (!tc.width) continue;
        tc.width += spacing;
        if (rem) { tc.width++; rem--; }
      }
    }
    eol = i;
    len = 0;
    lineCols = 0;
  }
}

/** render(): each token with its delimiter and padding, a newline after the last column. */
function render(cols: readonly Column[], tokens: readonly { col: number; text: string }[]): string {
  let out = '';
  let lineStarted = false;
  for (const { col, text } of tokens) {
    const f = cols[col]!;
    let printed = 0;
    if (lineStarted) { out += f.ldelim; printed = f.ldelim.length; }
    lineStarted = true;
    if (f.width && f.align === 'right') {
      const s = f.width - text.length - printed;
      if (s > 0) { out += ' '.repeat(s); printed += s; }
    }
    out += text;
    printed += text.length;
    if (f.width && f.align === 'left') {
      const s = f.width - printed;
      if (s > 0) out += ' '.repeat(s);
    }
    if (col === cols.length - 1) { out += '\n'; lineStarted = false; }
  }
  if (lineStarted) out += '\n';
  return out;
}
