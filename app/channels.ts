/**
 * The names of every contract call, without their schemas: the preload and the renderer need the
 * list and the types but not zod. app/contract.ts is checked against this list at compile time.
 */
export const CHANNELS = [
  'app:info',
  'library:tree',
  'pages:get',
  'import:files',
  'import:paths',
  'import:guess',
  'import:guessPaths',
  'import:picked',
  'edits:apply',
  'edits:undo',
  'edits:redo',
  'edits:rerun',
  'edits:continuation',
  'issues:articles',
  'articles:meta:get',
  'articles:meta:set',
  'articles:suggest',
  'issues:qa',
  'library:search',
  'library:autocomplete',
  'export:issue',
  'export:toFolder',
  'export:issueArchive',
  'publication:profile',
  'publication:learnPage',
  'publication:resetProfile',
  'publication:exportProfile',
  'publication:importProfile',
  'import:pageSource',
  'import:pageImage',
  'import:sourcePdf',
  'library:issue:update',
  'library:page:move',
  'library:issue:delete',
  'library:page:delete',
  'library:trash',
  'library:restore',
  'library:purge',
] as const;
export type Channel = (typeof CHANNELS)[number];

const known = new Set<string>(CHANNELS);
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && known.has(name);
}

/**
 * Calls that name files or folders on this machine. A page (the Electron renderer, a browser tab)
 * never sends them: paths come from the user through a native dialog or the command line, so a
 * compromised or confused page cannot read or write arbitrary files. The page imports uploaded
 * bytes (`import:files`) and exports through `export:issueArchive`.
 */
export const PATH_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['import:paths', 'import:guessPaths', 'export:issue']);

export const PATH_CHANNEL_ERROR = {
  ok: false,
  error: { code: 'BAD_INPUT', message: 'this call takes paths on this machine and is only available from Galley\'s menus and command line' },
} as const;

/**
 * The rule every transport a page talks through applies (Electron IPC, browser-mode HTTP): the
 * answer refusing a call from a page, or null when a page may make it.
 */
export function refuseFromPage(channel: string): typeof PATH_CHANNEL_ERROR | null {
  return isChannel(channel) && PATH_CHANNELS.has(channel) ? PATH_CHANNEL_ERROR : null;
}
