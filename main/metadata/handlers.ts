import type Database from 'better-sqlite3';
import type { ChannelsOf, HandlersOf } from '../../app/rpc.js';
import { issueArticles } from './issue-articles.js';
import { getArticleMetadata, issueQaReport, setArticleMetadata, suggestArticleMetadata } from './metadata.js';

/** Article metadata (read, write, suggest) and the issue's article list and QA. */
export function metadataHandlers(db: Database.Database): HandlersOf<ChannelsOf<'articles' | 'issues'>> {
  return {
    'articles:meta:get': ({ pageId, articleId }) => getArticleMetadata(db, pageId, articleId),
    'articles:meta:set': ({ pageId, articleId, patch }) => setArticleMetadata(db, pageId, articleId, patch),
    'articles:suggest': ({ pageId, articleId }) => suggestArticleMetadata(db, pageId, articleId),
    'issues:articles': ({ issueId }) => issueArticles(db, issueId),
    'issues:qa': ({ issueId }) => issueQaReport(db, issueId),
  };
}
