// Which routing-table row the walk has reached: the last proxy routing decision at or before
// the selected step, and whether a row is that rule (by the RouteRef the hop carries, or, when
// no rule matched, the server's own default row for the host it chose).
import type { ProxyView, RoutingRow, RoutingTable } from '../../engine';
import type { Step } from '../../store/steps';

export interface Reached {
  readonly view: ProxyView;
  /** The step of the decision. */
  readonly position: number;
  readonly text: string;
}

export function reachedRoute(steps: readonly Step[], position: number): Reached | undefined {
  for (let i = Math.min(position, steps.length - 1); i >= 0; i--) {
    const h = steps[i]!.hop;
    if (h.proxy?.step === 'route') return { view: h.proxy, position: i, text: h.text };
  }
  return undefined;
}

const sameRoute = (a: ProxyView['route'], b: RoutingRow['route']) =>
  a !== undefined && b !== undefined && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name && a.field === b.field;

export function isReachedRow(table: RoutingTable, row: RoutingRow, reached: Reached | undefined): boolean {
  if (!reached || reached.view.instance !== table.instance || reached.view.proxy !== table.proxy) return false;
  if (reached.view.route) return sameRoute(reached.view.route, row.route) && (reached.view.host === undefined || reached.view.host === row.host);
  return row.route === undefined && row.host === reached.view.host;
}
