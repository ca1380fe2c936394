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
  'edits:apply',
  'edits:undo',
  'edits:redo',
  'edits:rerun',
  'issues:articles',
  'articles:meta:get',
  'articles:meta:set',
  'articles:suggest',
  'issues:qa',
  'library:search',
  'library:autocomplete',
  'export:issue',
  'export:issueArchive',
] as const;
export type Channel = (typeof CHANNELS)[number];

const known = new Set<string>(CHANNELS);
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && known.has(name);
}
