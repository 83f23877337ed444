import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error?: Error;
}

interface Props {
  name: string;
  children: ReactNode;
  /** What the region draws from (dataset, view): when any of them changes, a failed region tries again. */
  resetKeys?: readonly unknown[];
}

const changed = (a: readonly unknown[] = [], b: readonly unknown[] = []) =>
  a.length !== b.length || a.some((v, i) => !Object.is(v, b[i]));

/**
 * Catches a fault in one region so the rest of the dashboard keeps working; the region recovers by itself when
 * its input changes (a search cleared, another event selected), or with "Try again".
 */
export class RegionBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Chronoscope: the ${this.props.name} region failed`, error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && changed(prev.resetKeys, this.props.resetKeys))
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
