import type { CSSProperties } from 'react';
import './ProgressBar.css';

/** A labelled bar; the fill is a custom property set through React's style object (CSSOM, which the CSP allows). */
export function ProgressBar({ done, total, label, testId }: { done: number; total: number; label: string; testId?: string }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-label">{label}</div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={label}>
        <div className="progress-fill" style={{ '--share': share } as CSSProperties} />
      </div>
    </div>
  );
}
