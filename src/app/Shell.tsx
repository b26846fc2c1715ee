// The page: a title bar (the built-in scenarios, the CNI plugin, kube-proxy's mode, undo and
// redo, Copy link, My scenarios, import, handouts, presentation mode, the Lessons button), the
// send bar, the lessons column when open, the graph (with its edit toolbar, the page's notice,
// the engine's progress over it and the shell dock under it), and the side panel: beside the
// graph on wide screens, a sheet under it on narrow ones (taller or shorter at the learner's
// choice). Presentation mode sets bigger type for a classroom. Embedded (?embed, in an iframe)
// it keeps only the lesson, the graph and the inspector. Each area has its own error boundary,
// so one failing part never blanks the rest.
import { useState } from 'react';
import { useAppStore } from '../store';
import { EditLayer } from '../ui/edit/EditLayer';
import { GraphView } from '../ui/graph/GraphView';
import { CniSwitch } from '../ui/proxy/CniSwitch';
import { LessonDock } from '../ui/lessons/LessonDock';
import { LessonsButton } from '../ui/lessons/LessonsButton';
import { NoticeBanner } from '../ui/session/NoticeBanner';
import { SessionBar } from '../ui/session/SessionBar';
import { ProxyModeSwitch } from '../ui/proxy/ProxyModeSwitch';
import { ScenarioMenu } from '../ui/proxy/ScenarioMenu';
import { SendBar } from '../ui/send/SendBar';
import { TerminalDock } from '../ui/terminal/TerminalDock';
import { BusyIndicator } from './BusyIndicator';
import { ErrorBoundary } from './ErrorBoundary';
import { usePageLink } from './session/usePageLink';
import { SidePanel, type SheetSize } from './SidePanel';

function PresentationToggle() {
  const on = useAppStore((s) => s.presentation);
  const set = useAppStore((s) => s.setPresentation);
  return (
    <button type="button" className="pp-btn pp-btn-dark" aria-pressed={on} onClick={() => set(!on)} title="Bigger type, for a projector">
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M2 3h12v8H2zM8 11v3M5 14h6" fill="none" stroke="currentColor" strokeWidth="1.5" /></svg>
      <span className="pp-btn-text">Presentation</span>
    </button>
  );
}

export function Shell({ embedded = false }: { embedded?: boolean }) {
  const pageLink = usePageLink();
  const presentation = useAppStore((s) => s.presentation);
  const lessons = useAppStore((s) => s.lessonView !== 'closed');
  const [sheet, setSheet] = useState<SheetSize>('half');
  return (
    <div className={`pp-app${presentation ? ' is-presenting' : ''}${embedded ? ' pp-embedded' : ''}`} data-sheet={sheet}>
      {!embedded && <header className="pp-topbar">
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
        <ErrorBoundary area="the session controls">
          <SessionBar makeLink={pageLink} />
        </ErrorBoundary>
        <PresentationToggle />
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
          <SidePanel sheet={sheet} onSheet={setSheet} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
