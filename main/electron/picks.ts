import { randomBytes } from 'node:crypto';

/**
 * Files the menu picked, waiting for the editor to confirm the issue details in the window's import
 * dialog. The window holds only a ticket: paths stay in the main process. One pick a window: a new
 * pick, or one the editor dismissed, replaces the last.
 */
const picks = new Map<number, { ticket: string; paths: string[] }>();

export function rememberPick(windowId: number, paths: string[]): string {
  const ticket = randomBytes(18).toString('base64url');
  picks.set(windowId, { ticket, paths });
  return ticket;
}

/** The paths picked for that window under that ticket, once; null when there are none. */
export function takePick(windowId: number, ticket: string): string[] | null {
  const pick = picks.get(windowId);
  if (!pick || pick.ticket !== ticket) return null;
  picks.delete(windowId);
  return pick.paths;
}
