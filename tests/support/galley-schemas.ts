import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

// Galley's own JSON schemas (schemas/), compiled once for the tests that check exports against them.

const schema = (name: string) => JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as object;
export const ajv = new Ajv2020({ allErrors: true, strict: true });
/** An issue export (`galley export --format json`). */
export const validIssue = ajv.compile(schema('galley-issue.schema.json'));
/** One record of the article stream (jsonl). */
export const validArticle = ajv.compile(schema('galley-article.schema.json'));
