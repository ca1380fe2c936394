import { renderPage } from '../../app/engine/index.js';
import type { IssueDocument, PageDocument } from '../../app/export/document.js';
import { emptyMetadata } from '../../app/metadata/model.js';
import { resolveMetadata } from '../../app/metadata/resolve.js';
import { pageOf } from './pages.js';

/**
 * A small issue as the exporters receive it: one page per list of `pageOf` rows, every article
 * with empty metadata resolved against the issue date.
 */
export function issueDocumentOf(pages: string[][], issue: { publication?: string; date?: string | null } = {}): IssueDocument {
  const date = issue.date === undefined ? '2021-10-28' : issue.date;
  return {
    format: 'galley-issue',
    formatVersion: 2,
    publication: { name: issue.publication ?? '凯里日报' },
    issue: { date, label: date ?? 'undated', createdAt: '2026-12-01T21:00:00.000Z' },
    pages: pages.map((rows, i): PageDocument => {
      const annotation = pageOf(rows);
      const file = `p${i + 1}.txt`;
      const segmentation = renderPage(annotation, { file, sha256: '0'.repeat(64) });
      return {
        number: i + 1, file, sha256: '0'.repeat(64), encoding: 'UTF-8', importedAt: '2026-12-01T21:00:00.000Z',
        lineCount: rows.length, rawText: rows.join('\n'), annotation, segmentation, geometry: null,
        metadata: segmentation.articles.map((a) => ({
          article: a.id, metadata: emptyMetadata(), resolved: resolveMetadata(emptyMetadata(), a, { issueDate: date, section: null }),
        })),
      };
    }),
    journal: [],
    continuations: [],
  };
}

/**
 * Two pages of one issue with what the exporters must keep: a titled news article with two photos
 * (a caption each) and a two-line signature, a poem set line by line, and on page 2 an untitled
 * continuation.
 */
export const TWO_PAGES: string[][] = [
  [
    'a1:headline 确保凯里市创建全国文明城市',
    'a1:body 本报讯（记者 张三）10月27日，全市创建全国文明城市工作推进会在',
    'a1:body 凯里召开，会议总结了前一阶段的工作，安排部署下一阶段的任务，要求',
    'a1:body 各级各部门进一步提高认识，压实责任，确保创建工作取得实效。¶',
    'a1:body 会议强调，要以更高标准、更严要求、更实举措推进创建工作，全面提升城',
    'a1:body 市文明程度和市民文明素质。¶',
    'a1:caption 图为市民在大十字广场参加志愿服务活动。¶',
    'a1:caption 图为新建成的凯里市体育馆。¶',
    'a1:signature 凯里市文明办',
    'a1:signature 2021年10月27日¶',
    'a2:headline 秋思',
    'a2:body 枯藤老树昏鸦，',
    'a2:body 小桥流水人家，',
    'a2:body 古道西风瘦马。¶',
    'a2:body 这首小令写的是游子的思乡之情，全篇只有二十八个字，却写尽了秋天的萧瑟。¶',
  ],
  ['a1:body 上接第1版）各县市要对照测评体系，逐项查找短板，限期整改到位，确保不漏一项。¶'],
];
