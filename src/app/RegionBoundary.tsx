import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error?: Error;
}

/** Catches a fault in one region so the rest of the dashboard keeps working. */
export class RegionBoundary extends Component<
  { name: string; children: ReactNode; resetKey?: unknown },
  State
> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Chronoscope: the ${this.props.name} region failed`, error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: unknown }): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey)
      this.setState({ error: undefined });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="cs-region-error" role="alert">
        <p>
          The {this.props.name} panel hit a problem and stopped; the rest of Chronoscope still
          works.
        </p>
        <p className="cs-muted">{this.state.error.message.slice(0, 300)}</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
