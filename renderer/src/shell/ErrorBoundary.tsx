import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface State {
  error: Error | null;
}

/** A render bug shows its message and a way back instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? <CrashScreen message={this.state.error.message} /> : this.props.children;
  }
}

function CrashScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <div className="crash" role="alert">
      <h1>{t('app.crashed')}</h1>
      <p>{message.split('\n')[0]}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}
