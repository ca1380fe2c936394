import { ExportDialog } from '../issue/ExportDialog.js';
import { IssueDialog } from '../issue/IssueDialog.js';
import { useAppStore } from '../store/index.js';
import { CommandPalette } from './CommandPalette.js';
import { ConfirmRerun } from './ConfirmRerun.js';
import { ContextMenu } from './ContextMenu.js';
import { FurniturePicker } from '../source/FurniturePicker.js';
import { MoveLinesPicker } from '../source/MoveLinesPicker.js';
import { ProfileDialog } from '../library/ProfileDialog.js';
import { ShortcutSheet } from './ShortcutSheet.js';
import { GoToLine } from '../source/GoToLine.js';
import { IssueDetails } from '../library/IssueDetails.js';
import { ImportDialog } from '../library/ImportDialog.js';
import { ConfirmPurge } from '../library/ConfirmPurge.js';

/** The one dialog or menu over the editor, if any. */
export function Overlays() {
  const overlay = useAppStore((s) => s.overlay);
  switch (overlay?.kind) {
    case 'palette':
      return <CommandPalette />;
    case 'shortcuts':
      return <ShortcutSheet />;
    case 'move-lines':
      return <MoveLinesPicker />;
    case 'furniture':
      return <FurniturePicker />;
    case 'confirm-rerun':
      return <ConfirmRerun />;
    case 'issue':
      return <IssueDialog />;
    case 'export':
      return <ExportDialog />;
    case 'profile':
      return <ProfileDialog />;
    case 'issue-details':
      return <IssueDetails issueId={overlay.issueId} />;
    case 'import':
      return <ImportDialog />;
    case 'go-to-line':
      return <GoToLine />;
    case 'confirm-purge':
      return <ConfirmPurge trashId={overlay.trashId} />;
    case 'context-menu':
      return <ContextMenu x={overlay.x} y={overlay.y} />;
    default:
      return null;
  }
}
