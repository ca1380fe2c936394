import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionValue } from '../../../app/contract.js';
import { useAppStore } from '../store/index.js';

interface Props {
  label: string;
  field: 'author' | 'tag' | 'keyword';
  values: readonly string[];
  /** The values are the engine's, not yet confirmed by an editor. */
  proposed?: boolean;
  onChange(values: string[]): void;
}

/** Typing one of these after a name ends it, as an editor types a list: 李靖、王芳. */
const SEPARATORS = new Set([',', '，', '、', ';', '；']);

/** Values as chips; the input adds one on Enter (or a list separator), with completions from the library. */
export function ChipField({ label, field, values, proposed, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const complete = useAppStore((s) => s.complete);
  const [text, setText] = useState('');
  const [options, setOptions] = useState<CompletionValue[]>([]);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const prefix = text.trim();
    if (prefix === '') {
      setOptions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void complete(field, prefix).then((found) => {
        if (!live) return;
        setOptions(found.filter((o) => !values.includes(o.text)));
        setActive(-1);
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, field, complete, values]);

  const add = (value: string) => {
    const v = value.trim();
    setText('');
    setOptions([]);
    if (v !== '' && !values.includes(v)) onChange([...values, v]);
  };

  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (options.length === 0) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // -1 is the typed text itself, so the editor can come back to it.
      setActive((a) => ((a + 1 + step + options.length + 1) % (options.length + 1)) - 1);
    } else if (e.key === 'Enter' || SEPARATORS.has(e.key)) {
      e.preventDefault();
      add(options[active]?.text ?? text);
    } else if (e.key === 'Escape' && options.length) {
      e.preventDefault();
      e.stopPropagation();
      setOptions([]);
    } else if (e.key === 'Backspace' && text === '' && values.length) {
      onChange(values.slice(0, -1));
    }
  };

  return (
    <div className="meta-field">
      <label className="meta-label" htmlFor={id}>
        {label}
        {proposed && values.length > 0 && <span className="meta-proposed" title={t('meta.proposedHint')}>{t('meta.proposed')}</span>}
      </label>
      <div className="text-box chip-box" data-proposed={proposed || undefined} onClick={() => input.current?.focus()}>
        {values.map((v) => (
          <span key={v} className="chip">
            {v}
            <button type="button" className="chip-remove" aria-label={t('meta.removeChip', { value: v })} onClick={() => onChange(values.filter((x) => x !== v))}>
              ×
            </button>
          </span>
        ))}
        <input
          ref={input}
          id={id}
          className="chip-input"
          value={text}
          placeholder={values.length ? '' : t('meta.addChip')}
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={`${id}-options`}
          aria-autocomplete="list"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          onBlur={() => setOptions([])}
        />
      </div>
      {options.length > 0 && (
        <ul className="chip-options" id={`${id}-options`} role="listbox">
          {options.map((o, i) => (
            <li
              key={o.text}
              role="option"
              aria-selected={i === active}
              className="chip-option"
              onMouseDown={(e) => {
                e.preventDefault();
                add(o.text);
              }}
            >
              <span>{o.text}</span>
              <span className="chip-count">{o.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
