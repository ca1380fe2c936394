interface Props<T extends string> {
  label: string;
  name: string;
  options: readonly T[];
  value: T;
  /** The value is the engine's, not yet an editor's. */
  proposed?: string;
  text(option: T): string;
  onPick(option: T): void;
}

/** A small radio group shown as a segmented control: every option one click, arrows move. */
export function ChoiceRow<T extends string>({ label, name, options, value, proposed, text, onPick }: Props<T>) {
  return (
    <fieldset className="meta-field choice-row">
      <legend className="meta-label">
        {label}
        {proposed && <span className="meta-proposed">{proposed}</span>}
      </legend>
      <div className="meta-segmented" data-name={name}>
        {options.map((o) => (
          <label key={o} className="meta-segment" data-value={o}>
            <input type="radio" name={name} value={o} checked={o === value} onChange={() => onPick(o)} />
            <span>{text(o)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
