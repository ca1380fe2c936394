import { type CSSProperties, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fuzzyScore } from './fuzzy.js';
import { listKey } from './list-keys.js';
import { useDismiss } from './useDismiss.js';

export interface PickerItem {
  id: string;
  label: string;
  colour?: string;
  hint?: string;
}

interface Props {
  title: string;
  items: readonly PickerItem[];
  onPick(id: string): void;
  /** Escape, a press outside, or a pick: the overlay goes. */
  onClose(): void;
}

/** A small keyboard-first chooser: type to filter, ↑/↓ and Enter, or the item's number. */
export function Picker({ title, items, onPick, onClose: close }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, close);

  const shown = items.filter((item) => fuzzyScore(query, `${item.label} ${item.hint ?? ''}`) !== null);
  const pick = (item: PickerItem | undefined) => {
    if (!item) return;
    close();
    onPick(item.id);
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (listKey(e, shown.length, setActive, () => pick(shown[active]))) return;
    if (query === '' && /^[1-9]$/.test(e.key)) {
      e.preventDefault();
      pick(shown[Number(e.key) - 1]);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog picker" role="dialog" aria-modal="true" aria-label={title}>
        <h2 className="dialog-title">{title}</h2>
        <input
          className="palette-input"
          autoFocus
          value={query}
          placeholder={t('picker.filter')}
          aria-label={t('picker.filter')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKey}
        />
        <div className="palette-list" role="listbox" aria-label={title}>
          {shown.map((item, i) => (
            <button
              key={item.id}
              type="button"
              role="option"
              aria-selected={i === active}
              className="command-item picker-item"
              data-active={i === active || undefined}
              style={item.colour ? ({ '--article': item.colour } as CSSProperties) : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(item)}
            >
              <span className="picker-number">{i < 9 && query === '' ? i + 1 : ''}</span>
              {item.colour && <span className="picker-swatch" />}
              <span className="command-label">{item.label}</span>
              {item.hint && <span className="picker-hint">{item.hint}</span>}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
