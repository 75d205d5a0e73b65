// Catches a component's render error (renderer §3.7): the error is reported and the last good render
// stays on screen instead of the whole app unmounting.
import React from "react";

interface Props {
  /** Where the component sits, for the report. */
  label: string;
  onError: (title: string, message: string, details?: { error?: unknown }) => void;
  children?: React.ReactNode;
}

interface State {
  failed: boolean;
}

export class ErrorBoundary extends React.Component<Props, State> {
  state: State = { failed: false };
  private lastGood: React.ReactNode = null;

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: Error): void {
    // The dev tools title a render error with its message (a props-check failure reads in full there).
    this.props.onError(error.message || `Error rendering ${this.props.label}`, `While rendering ${this.props.label}.`, { error });
  }

  componentDidMount(): void {
    this.lastGood = this.props.children;
  }

  componentDidUpdate(previous: Props): void {
    if (!this.state.failed) this.lastGood = this.props.children;
    else if (previous.children !== this.props.children) this.setState({ failed: false });
  }

  render(): React.ReactNode {
    return this.state.failed ? this.lastGood : this.props.children;
  }
}
