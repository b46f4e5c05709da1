import { Alert } from 'antd';
import { Component as ReactComponent, type ReactNode } from 'react';

interface Props {
  message: string;
  resetKey: unknown;
  children: ReactNode;
}

/** One broken component (a bad prop in a draft) shows an error box; the rest of the page still works. */
export class ComponentErrorBoundary extends ReactComponent<Props, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }

  override render() {
    return this.state.error ? (
      <Alert type="error" showIcon title={this.props.message} description={this.state.error.message} />
    ) : (
      this.props.children
    );
  }
}
