// The page: a title bar (with kube-proxy's mode and the Lessons button), the send bar, the
// lessons column when open, the graph (with the engine's progress over it and the shell dock
// under it), and the side panel. Embedded (?embed, in an iframe) it keeps only the lesson, the
// graph and the inspector. Each area has its own error boundary, so one failing part never
// blanks the rest.
import { useAppStore } from '../store';
import { GraphView } from '../ui/graph/GraphView';
import { LessonDock } from '../ui/lessons/LessonDock';
import { LessonsButton } from '../ui/lessons/LessonsButton';
import { ProxyModeSwitch } from '../ui/proxy/ProxyModeSwitch';
import { SendBar } from '../ui/send/SendBar';
import { TerminalDock } from '../ui/terminal/TerminalDock';
import { BusyIndicator } from './BusyIndicator';
import { ErrorBoundary } from './ErrorBoundary';
import { SidePanel } from './SidePanel';

export function Shell({ embedded = false }: { embedded?: boolean }) {
  const lessons = useAppStore((s) => s.lessonView !== 'closed');
  return (
    <div className={`pp-app${embedded ? ' pp-embedded' : ''}`}>
      {!embedded && <header className="pp-topbar">
        <h1 className="pp-logo">
          <img src="./favicon.svg" alt="" width="22" height="22" />
          podpath
        </h1>
        <p className="pp-tagline">Kubernetes networking, hop by hop</p>
        <ErrorBoundary area="the mode switch">
          <ProxyModeSwitch />
        </ErrorBoundary>
        <LessonsButton />
      </header>}
      {!embedded && <ErrorBoundary area="the send bar">
        <SendBar />
      </ErrorBoundary>}
      <main className={`pp-main${lessons ? ' has-lessons' : ''}`}>
        <ErrorBoundary area="the lessons">
          <LessonDock embedded={embedded} />
        </ErrorBoundary>
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
