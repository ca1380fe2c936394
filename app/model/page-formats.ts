/**
 * The kinds of file Galley imports as pages, and the file name extensions each is known by. The
 * import's readers (`main/import/formats.ts`) and the renderer's file picker both read this one
 * table, so a new format is a row here, which the compiler then asks the readers for.
 */
export const PAGE_FORMAT_EXTENSIONS = {
  text: ['txt'],
  alto: ['xml', 'alto'],
  'page-xml': ['xml'],
  hocr: ['hocr', 'html'],
  pdf: ['pdf'],
  mets: ['xml', 'mets'],
} as const satisfies Record<string, readonly string[]>;

export type PageFormat = keyof typeof PAGE_FORMAT_EXTENSIONS;

/** Every extension some format takes (lower case, without the dot). */
export const IMPORT_EXTENSIONS: readonly string[] = [...new Set(Object.values(PAGE_FORMAT_EXTENSIONS).flat())];

/**
 * Scans a page file may come with (its image, drawn under its lines): picked or sent with the page
 * files, never pages themselves. JPEG 2000 is listed only to be refused with a clear message.
 */
export const SCAN_EXTENSIONS = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'jp2', 'j2k', 'jpx', 'jpf'] as const;
