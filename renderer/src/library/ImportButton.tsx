import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_EXTENSIONS, SCAN_EXTENSIONS } from '../../../app/model/page-formats.js';
import { useAppStore } from '../store/index.js';
import type { ImportFile } from '../store/state.js';
import { bytesToBase64 } from '../transport/base64.js';

async function readFiles(list: FileList): Promise<ImportFile[]> {
  // Bytes, not text: the import detects the encoding (GB18030, Big5, UTF-16…), the browser must not guess.
  return Promise.all([...list].map(async (file) => ({ name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })));
}

/** The file picker offers every kind of page the import reads. */
// scans go with their XML pages
const ACCEPT = ['text/plain', ...[...IMPORT_EXTENSIONS, ...SCAN_EXTENSIONS].map((e) => `.${e}`)].join(',');

export function ImportButton() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const importing = useAppStore((s) => s.importProgress !== null);
  const prepareImport = useAppStore((s) => s.prepareImport);
  const reportError = useAppStore((s) => s.reportError);

  async function onChange(list: FileList | null) {
    if (!list || list.length === 0) return;
    try {
      await prepareImport(await readFiles(list));
    } catch (err) {
      reportError(err);
    } finally {
      // Choosing the same file again must fire `change` again.
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <button type="button" className="button" title={t('library.importHint')} disabled={importing} onClick={() => input.current?.click()}>
        {t('library.import')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="import-input"
        onChange={(e) => void onChange(e.currentTarget.files)}
      />
    </>
  );
}
