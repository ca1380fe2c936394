import { useTranslation } from 'react-i18next';
import type { Command } from '../commands/commands.js';
import { formatKey } from '../commands/keys.js';

interface Props {
  command: Command;
  enabled: boolean;
  active?: boolean;
  onRun(command: Command): void;
}

/** One command in a menu or the palette: its name in the UI language and its shortcut. */
export function CommandItem({ command, enabled, active, onRun }: Props) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      role="menuitem"
      className="command-item"
      data-command={command.id}
      aria-disabled={!enabled || undefined}
      data-active={active || undefined}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => enabled && onRun(command)}
    >
      <span className="command-label">{t(`command.${command.id}`)}</span>
      {command.keys[0] && <kbd className="command-key">{formatKey(command.keys[0])}</kbd>}
    </button>
  );
}
