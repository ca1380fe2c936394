import { useId } from 'react';
import { useDraft } from './useDraft.js';

interface Props {
  label: string;
  /** The editor's value; empty means "the engine's", shown as the placeholder. */
  value: string;
  placeholder: string;
  multiline?: boolean;
  onSave(value: string): void;
}

/** A text field saved as the editor types (after a pause) and on leaving it. */
export function TextField({ label, value, placeholder, multiline, onSave }: Props) {
  const id = useId();
  const { draft, change, flush } = useDraft(value, onSave);
  const common = { id, value: draft, placeholder, className: 'text-box meta-input', onBlur: flush, onChange: (e: { target: { value: string } }) => change(e.target.value) };
  return (
    <div className="meta-field">
      <label className="meta-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type="text" onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && flush()} />}
    </div>
  );
}
