import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FURNITURE_ROLES, LINE_ROLES, type Reason } from '../../../app/model/page.js';
import type { EditorTexts, RoleLabels } from './codemirror/texts.js';

const PART_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** The find bar's phrases (CodeMirror names them in English); the editor is read-only, so no replace. */
const FIND_PHRASES = ['Find', 'next', 'previous', 'all', 'match case', 'regexp', 'by word', 'close', 'current match', 'on line', 'Go to line', 'go'] as const;

/** The source pane's words in the UI language; a new object on a language switch. */
export function useEditorTexts(): EditorTexts {
  const { t } = useTranslation();
  return useMemo(() => {
    const roles = {} as RoleLabels;
    for (const role of [...LINE_ROLES, ...FURNITURE_ROLES]) {
      roles[role] = { letter: t(`roleLetter.${role}`), name: t(`role.${role}`) };
    }
    const reason = (why: Reason | undefined): string => {
      if (!why) return t('reason.unknown');
      if (why.rule === 'editor') return t('reason.editor');
      const rule = t(`rule.${why.rule}` as 'rule.page-header', { defaultValue: why.rule });
      const confidence = t('reason.confidence', { percent: Math.round(why.confidence * 100) });
      return why.detail ? `${rule} · ${confidence} · “${why.detail}”` : `${rule} · ${confidence}`;
    };
    return {
      roles,
      breaks: { join: t('break.join'), paragraph: t('break.paragraph') },
      reason,
      toggleHint: t('break.toggleHint'),
      legend: { colour: t('legend.colour'), noLetter: t('legend.noLetter'), article: (id) => t('legend.article', { id }) },
      original: (text) => t('source.original', { text }),
      phrases: Object.fromEntries(FIND_PHRASES.map((p) => [p, t(`find.${p}`)])),
      lineNumber: (n, part) => (part === undefined ? String(n) : `${n}${PART_LETTERS[part - 1] ?? `.${part}`}`),
      uncertain: t('source.uncertain'),
    };
    // `t` changes identity on a language switch, so the texts follow it.
  }, [t]);
}
