// The page: a title bar (with kube-proxy's mode, undo and redo, Copy link, My scenarios), the
// send bar, the graph (with its edit layer, the page's notice, the engine's progress over it
// and the shell dock under it), and the side panel. Each area has its own error boundary, so one
// failing part never blanks the rest.
import { EditLayer } from '../ui/edit/EditLayer';
import { GraphView } from '../ui/graph/GraphView';
import { NoticeBanner } from '../ui/session/NoticeBanner';
import { SessionBar } from '../ui/session/SessionBar';
import { ProxyModeSwitch } from '../ui/proxy/ProxyModeSwitch';
import { SendBar } from '../ui/send/SendBar';
import { TerminalDock } from '../ui/terminal/TerminalDock';
import { BusyIndicator } from './BusyIndicator';
import { ErrorBoundary } from './ErrorBoundary';
import { usePageLink } from './session/usePageLink';
import { SidePanel } from './SidePanel';

export function Shell() {
  const pageLink = usePageLink();
  return (
    <div className="pp-app">
      <header className="pp-topbar">
        <h1 className="pp-logo">
          <img src="./favicon.svg" alt="" width="22" height="22" />
          podpath
        </h1>
        <p className="pp-tagline">Kubernetes networking, hop by hop</p>
        <ErrorBoundary area="the mode switch">
          <ProxyModeSwitch />
        </ErrorBoundary>
        <ErrorBoundary area="the session controls">
          <SessionBar makeLink={pageLink} />
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
          <ErrorBoundary area="the graph's editing">
            <EditLayer />
          </ErrorBoundary>
          <NoticeBanner />
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
