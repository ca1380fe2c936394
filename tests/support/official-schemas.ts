import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

// The official XSDs of the archive formats, vendored in schemas/official/ (see its README), checked
// with libxml2 (xmllint-wasm) so a test needs neither a system xmllint nor the network.

const OFFICIAL = fileURLToPath(new URL('../../schemas/official/', import.meta.url));

/** Each format's schema file, and the files it imports. */
const SCHEMAS = {
  alto: { main: 'alto-4-4.xsd', imports: ['xlink.xsd'] },
  page: { main: 'pagecontent-2019-07-15.xsd', imports: [] },
  mets: { main: 'mets.xsd', imports: ['xlink.xsd'] },
} as const;
export type ArchiveFormat = keyof typeof SCHEMAS;

/** The official schemas import xlink by its web address; libxml2 reads the vendored copy instead (an XML catalog's job). */
const WEB_ADDRESS = { 'xlink.xsd': 'http://www.loc.gov/standards/xlink/xlink.xsd' } as const;

function read(name: string): string {
  let text = readFileSync(`${OFFICIAL}${name}`, 'utf8');
  for (const [local, url] of Object.entries(WEB_ADDRESS)) text = text.replaceAll(`schemaLocation="${url}"`, `schemaLocation="${local}"`);
  return text;
}

/** Validates one document against its format's official schema: the errors, none when it is valid. */
export async function schemaErrors(format: ArchiveFormat, xml: string, fileName = `document.${format}.xml`): Promise<string[]> {
  const { main, imports } = SCHEMAS[format];
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [{ fileName: main, contents: read(main) }],
    preload: imports.map((name) => ({ fileName: name, contents: read(name) })),
    // A 5,000-line page's ALTO is several megabytes.
    initialMemoryPages: 1024,
    maxMemoryPages: 16384,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
