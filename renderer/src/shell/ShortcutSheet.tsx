import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMAND_GROUPS, COMMANDS } from '../commands/commands.js';
import { formatKey } from '../commands/keys.js';
import { FURNITURE_ROLES, LINE_ROLES } from '../../../app/model/page.js';
import { useStoreApi } from '../store/index.js';
import { useDismiss } from '../ui/useDismiss.js';

/** `?`: every shortcut, grouped as in the menus. */
export function ShortcutSheet() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const box = useRef<HTMLDivElement>(null);
  const close = () => store.getState().closeOverlay();
  useDismiss(box, close);
  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog shortcuts" role="dialog" aria-modal="true" aria-label={t('shortcuts.title')}>
        <header className="dialog-header">
          <h2>{t('shortcuts.title')}</h2>
          <button type="button" className="button" autoFocus onClick={close}>
            {t('shortcuts.close')}
          </button>
        </header>
        <p className="dialog-hint">{t('shortcuts.hint')}</p>
        <div className="shortcut-groups">
          {COMMAND_GROUPS.map((group) => (
            <section key={group} className="shortcut-group">
              <h3>{t(`group.${group}`)}</h3>
              <dl>
                {COMMANDS.filter((c) => c.group === group && c.keys.length > 0).map((c) => (
                  <div key={c.id} className="shortcut-row">
                    <dt>{t(`command.${c.id}`)}</dt>
                    <dd>
                      {c.keys.map((k) => (
                        <kbd key={k}>{formatKey(k)}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section className="shortcut-group legend" data-testid="legend">
            <h3>{t('legend.title')}</h3>
            <dl>
              {[...LINE_ROLES, ...FURNITURE_ROLES]
                .filter((role) => t(`roleLetter.${role}`) !== '')
                .map((role) => (
                  <div key={role} className="shortcut-row">
                    <dt>{t(`role.${role}`)}</dt>
                    <dd>
                      <span className="role-badge">{t(`roleLetter.${role}`)}</span>
                    </dd>
                  </div>
                ))}
              <div className="shortcut-row">
                <dt>{t('legend.body')}</dt>
                <dd>{t('legend.noLetter')}</dd>
              </div>
              <div className="shortcut-row">
                <dt>{t('break.join')}</dt>
                <dd>⤶</dd>
              </div>
              <div className="shortcut-row">
                <dt>{t('break.paragraph')}</dt>
                <dd>⏎</dd>
              </div>
              <div className="shortcut-row">
                <dt>{t('legend.colour')}</dt>
                <dd>
                  <span className="legend-bar" />
                </dd>
              </div>
              <div className="shortcut-row">
                <dt>{t('legend.edited')}</dt>
                <dd>✎</dd>
              </div>
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
