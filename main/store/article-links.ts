import type Database from 'better-sqlite3';
import { prepared } from './statements.js';

/** One continuation: the part `fromArticle` of page `fromPage` goes on as `toArticle` of page `toPage` (page ids). */
export interface ArticleLink {
  fromPage: number;
  fromArticle: string;
  toPage: number;
  toArticle: string;
}

const COLUMNS = 'from_page_id AS fromPage, from_article AS fromArticle, to_page_id AS toPage, to_article AS toArticle';

/** The issue's links whose two pages are both in it (a page moved to another issue leaves its links behind unused). */
export function listIssueLinks(db: Database.Database, issueId: number): ArticleLink[] {
  return prepared(db, `SELECT ${COLUMNS} FROM article_links
    WHERE from_page_id IN (SELECT id FROM pages WHERE issue_id = ?) AND to_page_id IN (SELECT id FROM pages WHERE issue_id = ?)
    ORDER BY from_page_id, from_article`).all(issueId, issueId) as ArticleLink[];
}

/** The links a part of an article is in: where it goes on and where it came from. */
export function linksOf(db: Database.Database, pageId: number, article: string): ArticleLink[] {
  return prepared(db, `SELECT ${COLUMNS} FROM article_links WHERE (from_page_id = ? AND from_article = ?) OR (to_page_id = ? AND to_article = ?)`)
    .all(pageId, article, pageId, article) as ArticleLink[];
}

export function insertLink(db: Database.Database, link: ArticleLink): void {
  prepared(db, 'INSERT INTO article_links (from_page_id, from_article, to_page_id, to_article) VALUES (?, ?, ?, ?)')
    .run(link.fromPage, link.fromArticle, link.toPage, link.toArticle);
}

/** Adds the link unless a part of it is linked already; says whether it was added. */
export function insertLinkIfFree(db: Database.Database, link: ArticleLink): boolean {
  return prepared(db, 'INSERT OR IGNORE INTO article_links (from_page_id, from_article, to_page_id, to_article) VALUES (?, ?, ?, ?)')
    .run(link.fromPage, link.fromArticle, link.toPage, link.toArticle).changes === 1;
}

/** Removes exactly this link; says whether it was there. */
export function deleteLink(db: Database.Database, link: ArticleLink): boolean {
  return prepared(db, 'DELETE FROM article_links WHERE from_page_id = ? AND from_article = ? AND to_page_id = ? AND to_article = ?')
    .run(link.fromPage, link.fromArticle, link.toPage, link.toArticle).changes === 1;
}

export function sameLink(a: ArticleLink, b: ArticleLink): boolean {
  return a.fromPage === b.fromPage && a.fromArticle === b.fromArticle && a.toPage === b.toPage && a.toArticle === b.toArticle;
}

/** Whether `l` holds a key of `link`: its first part going on, or its later part continuing. */
export function occupies(l: ArticleLink, link: ArticleLink): boolean {
  return (l.fromPage === link.fromPage && l.fromArticle === link.fromArticle) || (l.toPage === link.toPage && l.toArticle === link.toArticle);
}
