// `cilium-dbg service list` and `cilium-dbg bpf lb list` as the agent's CLI prints them
// (cilium-dbg/cmd/service_list.go, bpf_lb_list.go): Go's text/tabwriter with minwidth 5,
// padding 3 and every cell tab-terminated, so every column, the last included, is padded
// with trailing spaces. Service keys print as "<ip>:<port>/<PROTO> (<slot>)" and backend
// entries as "<ip>:<port>/<PROTO> (<rev NAT id>) (<slot>)"; slot 0 of a service is its
// "master" entry with the flags. `bpf lb list` dumps a BPF hash map in Go map order, which is
// random; it is sorted here.
import { flagsText, type LbState } from './lb';

/** text/tabwriter.NewWriter(w, minwidth, 0, padding, ' ', 0) over lines of tab-terminated cells. */
export function goTabwriter(lines: readonly (readonly string[])[], minwidth: number, padding: number): string {
  const cols = Math.max(0, ...lines.map((l) => l.length));
  const widths: number[] = [];
  for (let c = 0; c < cols; c++) {
    widths.push(Math.max(minwidth, ...lines.filter((l) => l.length > c).map((l) => l[c]!.length + padding)));
  }
  return lines.map((l) => l.map((cell, c) => cell.padEnd(widths[c]!)).join('')).join('\n') + '\n';
}

/** `cilium-dbg service list` */
export function serviceList(lb: LbState): string {
  const lines: string[][] = [['ID', 'Frontend', 'Service Type', 'Backend']];
  for (const f of lb.frontends) {
    const backends = f.backends.map((b, i) => `${i + 1} => ${b.ip}:${b.port}/${b.proto} (active)`);
    lines.push([String(f.id), `${f.ip}:${f.port}/${f.proto}`, f.type, backends[0] ?? '']);
    for (const b of backends.slice(1)) lines.push(['', '', '', b]);
  }
  return goTabwriter(lines, 5, 3);
}

/** `cilium-dbg bpf lb list` */
export function bpfLbList(lb: LbState): string {
  const rows = new Map<string, string[]>();
  for (const f of lb.frontends) {
    const key = (slot: number) => `${f.ip}:${f.port}/${f.proto} (${slot})`;
    rows.set(key(0), [`0.0.0.0:0 (${f.id}) (0) [${flagsText(f)}] `]);
    f.backends.forEach((b, i) => rows.set(key(i + 1), [`${b.ip}:${b.port}/${b.proto} (${f.id}) (${i + 1})`]));
  }
  const lines: string[][] = [['SERVICE ADDRESS', 'BACKEND ADDRESS (REVNAT_ID) (SLOT)']];
  for (const k of [...rows.keys()].sort()) for (const [i, v] of rows.get(k)!.entries()) lines.push([i === 0 ? k : '', v]);
  return goTabwriter(lines, 5, 3);
}
