// The podpath page as a test sees it: the graph's elements by accessible name, the send bar,
// and the window.podpath API. Journeys talk to this, not to selectors.
import { expect, type Locator, type Page } from '@playwright/test';
import { ScenarioPanel } from './ScenarioPanel';
import { TracePanel } from './TracePanel';

export class PodpathPage {
  readonly graph: Locator;
  readonly trace: TracePanel;
  readonly scenario: ScenarioPanel;

  constructor(readonly page: Page) {
    this.graph = page.getByRole('region', { name: 'Cluster graph' });
    this.trace = new TracePanel(page);
    this.scenario = new ScenarioPanel(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.node('kind-control-plane')).toBeVisible();
  }

  /** A pod by NAMESPACE/NAME, as the graph names it: "pod default/web". */
  pod(key: string): Locator {
    return this.graph.getByRole('button', { name: `pod ${key}`, exact: true });
  }

  node(name: string): Locator {
    return this.graph.getByRole('button', { name: `node ${name}`, exact: true });
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

  get sendError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Cannot send' });
  }

  async send(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send', exact: true }).click();
  }

  /** Picks source and destination by clicking them, then sends. */
  async sendByClicking(from: Locator, to: Locator): Promise<void> {
    await from.click();
    await to.click();
    await this.send();
  }
}
