// The podpath page as a test sees it: the graph's elements by accessible name, the send bar,
// the kube-proxy mode switch, the CNI switch and the built-in scenario menu, the side panels, and the window.podpath API. Journeys talk to
// this, not to selectors.
import { expect, type Locator, type Page } from '@playwright/test';
import { EditToolbar } from './EditToolbar';
import { RulesPanel } from './RulesPanel';
import { SessionBar } from './SessionBar';
import { ScenarioPanel } from './ScenarioPanel';
import { TablesPanel } from './TablesPanel';
import { TracePanel } from './TracePanel';
import { sentView, type SentView } from './traceJson';

export type ProxyModeLabel = 'iptables' | 'IPVS' | 'nftables';
export type CniLabel = 'bridge' | 'kindnet' | 'flannel' | 'Calico' | 'AWS VPC CNI' | 'Cilium';

export class PodpathPage {
  readonly graph: Locator;
  readonly trace: TracePanel;
  readonly tables: TablesPanel;
  readonly rules: RulesPanel;
  readonly scenario: ScenarioPanel;
  readonly edit: EditToolbar;
  readonly session: SessionBar;

  constructor(readonly page: Page) {
    this.edit = new EditToolbar(page);
    this.session = new SessionBar(page);
    this.graph = page.getByRole('region', { name: 'Cluster graph' });
    this.trace = new TracePanel(page);
    this.tables = new TablesPanel(page);
    this.rules = new RulesPanel(page);
    this.scenario = new ScenarioPanel(page);
  }

  async open(fragment = ''): Promise<void> {
    await this.page.goto(`/${fragment}`);
    // The first paint waits for the engine's worker to start and compile: give a loaded machine time.
    await expect(this.node('kind-control-plane')).toBeVisible({ timeout: 15_000 });
  }

  /** Work worth keeping: a pod added on kind-worker from the graph (edit mode, N), waited for until the autosave holds it; its saved link. */
  async makeSavedWork(): Promise<string> {
    await this.edit.enter();
    await this.clickNode('kind-worker');
    await this.page.keyboard.press('n');
    await expect(this.pod('default/pod')).toBeVisible();
    await this.waitForSaved();
    return (await this.savedLink())!;
  }

  /** Waits until the autosave has written the page as it is now, its last change included (it writes a moment after each). */
  async waitForSaved(): Promise<void> {
    await expect.poll(async () => {
      const saved = await this.savedLink();
      const now = await this.page.evaluate(() => window.podpath!.link());
      return saved !== null && now.endsWith(`#${saved}`);
    }).toBe(true);
  }

  /** The session the autosave wrote to IndexedDB (its link fragment), or null before the first write. */
  async savedLink(): Promise<string | null> {
    return this.page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('podpath');
      open.onerror = () => resolve(null);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('keyval')) { resolve(null); return; }
        const get = db.transaction('keyval').objectStore('keyval').get('session');
        get.onsuccess = () => resolve(get.result ? get.result.link : null);
        get.onerror = () => resolve(null);
      };
    })`);
  }

  /** A pod by NAMESPACE/NAME, as the graph names it: "pod default/web". */
  pod(key: string): Locator {
    return this.graph.getByRole('button', { name: `pod ${key}`, exact: true });
  }

  /** Clicks a node by its heading, not the pods inside it. */
  async clickNode(name: string): Promise<void> {
    await this.node(name).click({ position: { x: 30, y: 8 } });
  }

  node(name: string): Locator {
    return this.graph.getByRole('button', { name: `node ${name}`, exact: true });
  }

  /** A Service by NAMESPACE/NAME: "service default/api". */
  service(key: string): Locator {
    return this.graph.getByRole('button', { name: `service ${key}`, exact: true });
  }

  loadBalancer(serviceKey: string): Locator {
    return this.graph.getByRole('button', { name: `load balancer of service ${serviceKey}`, exact: true });
  }

  outsideHost(name: string): Locator {
    return this.graph.getByRole('button', { name: `outside host ${name}`, exact: true });
  }

  /** A Service's endpoint links that the trace chose (drawn solid) up to the selected hop. */
  chosenEndpoints(serviceKey: string): Locator {
    return this.graph.locator(`[aria-label^="Service endpoint between service ${serviceKey} and "]`).filter({ has: this.page.locator('path.is-chosen') });
  }

  /** The load balancer's link to its Service, when the trace chose it. */
  chosenLoadBalancerLink(serviceKey: string): Locator {
    return this.graph.locator(`[aria-label="load balancer between load balancer of service ${serviceKey} and service ${serviceKey}"]`)
      .filter({ has: this.page.locator('path.is-chosen') });
  }

  proxyMode(label: ProxyModeLabel): Locator {
    return this.page.getByRole('radiogroup', { name: 'kube-proxy mode' }).getByRole('radio', { name: label, exact: true });
  }

  /** The CNI switch in the top bar (a select labelled "CNI plugin"). */
  get cni(): Locator {
    return this.page.getByRole('combobox', { name: 'CNI plugin' });
  }

  async switchCni(label: CniLabel): Promise<void> {
    await this.cni.selectOption({ label });
  }

  /** Opens one of the built-in scenarios by its title in the top bar's menu. */
  async openBuiltin(title: string | RegExp): Promise<void> {
    const menu = this.page.getByRole('combobox', { name: 'Scenario' });
    const option = menu.getByRole('option', { name: title });
    await menu.selectOption({ label: (await option.textContent()) ?? '' });
  }

  /** The send bar's packet size (IP total length) and its DF box. */
  get size(): Locator {
    return this.page.getByRole('spinbutton', { name: 'Size (bytes)' });
  }

  get df(): Locator {
    return this.page.getByRole('checkbox', { name: 'DF' });
  }

  container(name: string, pod: string): Locator {
    return this.graph.getByRole('button', { name: `container ${name} of pod ${pod}`, exact: true });
  }

  /** A non-clickable element (device, segment, gateway) by its accessible name. */
  element(name: string): Locator {
    return this.graph.getByRole('group', { name, exact: true });
  }

  /** The graph element the packet is at, whatever its kind. */
  get current(): Locator {
    return this.graph.locator('[aria-current="location"]');
  }

  get packet(): Locator {
    return this.graph.getByRole('img', { name: /^Packet at / });
  }

  get source(): Locator {
    return this.page.getByTestId('send-source');
  }

  get destination(): Locator {
    return this.page.getByTestId('send-destination');
  }

  get port(): Locator {
    return this.page.getByRole('spinbutton', { name: 'Port' });
  }

  /** The button beside a node or pod that opens it ("Open node kind-worker3") or closes it. */
  opener(name: string, open: 'Open' | 'Close' = 'Open'): Locator {
    return this.graph.getByRole('button', { name: `${open} ${name}`, exact: true });
  }

  /** Finds a pod, Service, node or address with the graph's search; returns the results list. */
  async search(query: string): Promise<Locator> {
    const form = this.graph.getByRole('search', { name: 'Find in the cluster' });
    await form.getByRole('searchbox').fill(query);
    await form.getByRole('button', { name: 'Find', exact: true }).click();
    return form.getByRole('list', { name: 'Search results' });
  }

  /** Loads a scenario through window.podpath and waits for its answer. */
  async load(yaml: string): Promise<void> {
    const loaded = await this.page.evaluate((y) => window.podpath!.loadScenario(y), yaml);
    expect(loaded).toEqual({ ok: true });
  }

  /** The progress indicator: what the engine is doing, when it takes a while. */
  get busy(): Locator {
    return this.page.getByRole('status').filter({ hasText: '…' });
  }

  get sendError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Cannot send' });
  }

  async send(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send', exact: true }).click();
  }

  /** Sends, waits until what went out and what came back were both delivered, pauses playback, and returns the exchange. */
  async sendDelivered(): Promise<SentView> {
    await this.send();
    await expect(this.trace.verdict).toContainText('Delivered');
    await expect(this.trace.verdict).not.toContainText(/: (dropped|refused)/);
    await this.trace.pause();
    const trace = await this.page.evaluate(() => window.podpath!.trace());
    if (!trace) throw new Error('the page has no trace after a delivered send');
    expect(trace.exchanges[0]!.legs.map((l) => l.verdict)).toEqual(['delivered', 'delivered']);
    return sentView(trace);
  }

  /** Picks source and destination by clicking them, then sends. */
  async sendByClicking(from: Locator, to: Locator): Promise<void> {
    await from.click();
    await to.click();
    await this.send();
  }
}
