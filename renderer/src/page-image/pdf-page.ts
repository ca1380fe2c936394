import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// pdf.js parses in its own worker, a file of the bundle (same origin, so the page's policy allows it).
GlobalWorkerOptions.workerSrc = workerUrl;

const documents = new Map<number, Promise<PDFDocumentProxy>>();

/** The PDF of a source, opened once; `bytes` is asked for only the first time. */
export function pdfDocument(sourceId: number, bytes: () => Promise<Uint8Array>): Promise<PDFDocumentProxy> {
  let doc = documents.get(sourceId);
  if (!doc) {
    doc = bytes().then((data) => getDocument({ data, isEvalSupported: false }).promise);
    doc.catch(() => documents.delete(sourceId));
    documents.set(sourceId, doc);
  }
  return doc;
}

/**
 * Draws a page into the canvas at `cssWidth` CSS pixels wide (sharp on high-density screens);
 * the returned function cancels a drawing still under way.
 */
export function drawPage(doc: PDFDocumentProxy, pageIndex: number, canvas: HTMLCanvasElement, cssWidth: number, done: (err: Error | null) => void): () => void {
  let task: RenderTask | null = null;
  let cancelled = false;
  void doc.getPage(pageIndex + 1).then(
    (page) => {
      if (cancelled) return;
      const base = page.getViewport({ scale: 1 });
      // A canvas past some 16 million pixels fails in browsers; zooming further shows it coarser.
      const density = Math.min(window.devicePixelRatio || 1, Math.sqrt(16e6 / (cssWidth * cssWidth * (base.height / base.width))));
      const viewport = page.getViewport({ scale: (cssWidth / base.width) * density });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      task = page.render({ canvas, viewport });
      task.promise.then(
        () => done(null),
        (err: unknown) => !cancelled && done(err instanceof Error ? err : new Error(String(err))),
      );
    },
    (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
  );
  return () => {
    cancelled = true;
    task?.cancel();
  };
}
