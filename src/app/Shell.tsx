// The page: a title bar (the built-in scenarios, the CNI plugin and kube-proxy's mode), the send bar, the graph (with the engine's
// progress over it and the shell dock under it), and the side panel. Each area has its own error boundary, so one
// failing part never blanks the rest.
import { GraphView } from '../ui/graph/GraphView';
import { CniSwitch } from '../ui/proxy/CniSwitch';
import { ProxyModeSwitch } from '../ui/proxy/ProxyModeSwitch';
import { ScenarioMenu } from '../ui/proxy/ScenarioMenu';
import { SendBar } from '../ui/send/SendBar';
import { TerminalDock } from '../ui/terminal/TerminalDock';
import { BusyIndicator } from './BusyIndicator';
import { ErrorBoundary } from './ErrorBoundary';
import { SidePanel } from './SidePanel';

export function Shell() {
  return (
    <div className="pp-app">
      <header className="pp-topbar">
        <h1 className="pp-logo">
          <img src="./favicon.svg" alt="" width="22" height="22" />
          podpath
        </h1>
        <p className="pp-tagline">Kubernetes networking, hop by hop</p>
        <ErrorBoundary area="the scenario menu">
          <ScenarioMenu />
        </ErrorBoundary>
        <ErrorBoundary area="the CNI switch">
          <CniSwitch />
        </ErrorBoundary>
        <ErrorBoundary area="the mode switch">
          <ProxyModeSwitch />
        </ErrorBoundary>
      </header>
      <ErrorBoundary area="the send bar">
        <SendBar />
      </ErrorBoundary>
      <main className="pp-main">
        <div className="pp-graph-area">
          <ErrorBoundary area="the graph">
            <GraphView />
          </ErrorBoundary>
          <BusyIndicator />
          <ErrorBoundary area="the shell">
            <TerminalDock />
          </ErrorBoundary>
        </div>
        <ErrorBoundary area="the inspector">
          <SidePanel />
        </ErrorBoundary>
      </main>
    </div>
  );
}
