// An error boundary: a part of the page that throws shows what went wrong and a way to try
// again, instead of leaving a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this part of the page is, for the message: "the graph", "the inspector". */
  readonly area: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`podpath: ${this.props.area} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="pp-crash" role="alert">
        <p className="pp-crash-title">Something went wrong in {this.props.area}.</p>
        <p className="pp-crash-msg">{error.message}</p>
        <button type="button" className="pp-btn" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
