import { useEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../store/index.js';
import { lineAt, shownLines } from './hit.js';
import './PageImage.css';

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3, 4];

/**
 * The printed page beside its text: the PDF page drawn by pdf.js, the scan stored with an ALTO,
 * PAGE-XML or hOCR page (or, without one, the line boxes on blank paper), each article's lines tinted in its colour, the
 * cursor's line outlined. A click puts the cursor on the line clicked; dragging pans, Ctrl+wheel
 * and the buttons zoom.
 */
export function PageImage() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const open = useAppStore((s) => s.pageImageOpen);
  const pageId = useAppStore((s) => s.pageId);
  const source = useAppStore((s) => (s.pageSource && s.pageSource.pageId === s.page?.page.id ? s.pageSource.view : null));
  const annotation = useAppStore((s) => s.page?.annotation);
  const cursorN = useAppStore((s) => (s.selection && s.page ? (s.page.annotation.lines[s.selection.line]?.n ?? null) : null));
  const [zoom, setZoom] = useState(1);
  const [fitWidth, setFitWidth] = useState(0);
  const [drawing, setDrawing] = useState<'idle' | 'drawing' | 'done' | { failed: string }>('idle');
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const outline = useRef<SVGRectElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);

  useEffect(() => {
    if (pageId !== null) void store.getState().loadPageSource(pageId);
  }, [pageId, store]);

  const geometry = source?.geometry;
  const lines = useMemo(() => (geometry && annotation ? shownLines(geometry, annotation) : []), [geometry, annotation]);
  const width = Math.max(1, Math.round(fitWidth * zoom));

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setFitWidth(el.clientWidth - 16));
    observer.observe(el);
    return () => observer.disconnect();
  }, [open, source]);

  const pdf = source?.pdf;
  const hasScan = !!source?.image && !pdf;
  const [scan, setScan] = useState<{ pageId: number; url: string } | null>(null);
  useEffect(() => {
    if (!hasScan || pageId === null) return;
    let stopped = false;
    setDrawing('drawing');
    store.getState().pageImage(pageId).then(
      (url) => !stopped && setScan({ pageId, url }),
      (err: unknown) => !stopped && setDrawing({ failed: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      stopped = true;
    };
  }, [hasScan, pageId, store]);
  const scanUrl = hasScan && scan?.pageId === pageId ? scan.url : null;

  useEffect(() => {
    if (!pdf || !canvas.current || width < 2) return;
    const target = canvas.current;
    let cancel: (() => void) | null = null;
    let stopped = false;
    setDrawing('drawing');
    // pdf.js loads with the first PDF page shown: text-only libraries never pay for it.
    import('./pdf-page.js').then(async ({ drawPage, pdfDocument }) => {
      const doc = await pdfDocument(pdf.sourceId, () => store.getState().sourcePdf(pdf.sourceId));
      if (stopped) return;
      cancel = drawPage(doc, pdf.pageIndex, target, width, (err) => !stopped && setDrawing(err ? { failed: err.message } : 'done'));
    }).then(
      () => undefined,
      (err: unknown) => !stopped && setDrawing({ failed: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      stopped = true;
      cancel?.();
    };
  }, [pdf, width, store]);

  // The outline follows the cursor into view.
  useEffect(() => {
    outline.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [cursorN, width]);

  if (!open || !source || !geometry) return null;
  // a drawn page under the boxes: they are tinted, not outlined
  const printed = !!pdf || hasScan;
  const height = Math.round((width * geometry.height) / geometry.width);
  const cursorBox = cursorN === null ? null : geometry.lines[cursorN - 1];
  const stroke = geometry.width / width;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = scroller.current;
    if (!el || e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const el = scroller.current;
    if (!d || !el) return;
    if (Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 4) d.moved = true;
    if (d.moved) {
      el.scrollLeft = d.left - (e.clientX - d.x);
      el.scrollTop = d.top - (e.clientY - d.y);
    }
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const paper = (e.currentTarget.querySelector('.page-image-paper') as HTMLElement | null)?.getBoundingClientRect();
    if (!paper) return;
    const scale = geometry.width / paper.width;
    const n = lineAt(geometry, (e.clientX - paper.left) * scale, (e.clientY - paper.top) * scale, 6 * scale);
    if (n !== null) store.getState().revealLine(n);
  };
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    setZoom((z) => step(z, e.deltaY < 0 ? 1 : -1));
  };

  return (
    <section className="pane page-image" aria-label={t('pageImage.label')}>
      <header className="pane-header">
        <h2 className="pane-title">{t('pageImage.label')}</h2>
        <span className="page-image-tools">
          <button type="button" className="button" title={t('pageImage.zoomOut')} aria-label={t('pageImage.zoomOut')} onClick={() => setZoom((z) => step(z, -1))}>−</button>
          <button type="button" className="button" title={t('pageImage.fit')} onClick={() => setZoom(1)}>{Math.round(zoom * 100)}%</button>
          <button type="button" className="button" title={t('pageImage.zoomIn')} aria-label={t('pageImage.zoomIn')} onClick={() => setZoom((z) => step(z, 1))}>+</button>
          <button type="button" className="button" title={t('pageImage.hide')} aria-label={t('pageImage.hide')} onClick={() => store.getState().togglePageImage()}>×</button>
        </span>
      </header>
      {!printed && <p className="page-image-note">{t('pageImage.boxesOnly')}</p>}
      {drawing === 'drawing' && <p className="page-image-note">{t('pageImage.loading')}</p>}
      {typeof drawing === 'object' && <p className="page-image-note">{t('pageImage.failed', { message: drawing.failed })}</p>}
      <div
        ref={scroller}
        className="pane-body page-image-body"
        data-testid="page-image"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => (drag.current = null)}
        onWheel={onWheel}
      >
        <div className="page-image-paper" style={{ width, height }} data-drawn={drawing === 'done' ? 'true' : undefined}>
          {pdf && <canvas ref={canvas} style={{ width, height }} />}
          {scanUrl && (
            <img
              src={scanUrl}
              alt=""
              draggable={false}
              style={{ width, height }}
              onLoad={() => setDrawing('done')}
              onError={() => setDrawing({ failed: t('pageImage.scanUnreadable') })}
            />
          )}
          <svg viewBox={`0 0 ${geometry.width} ${geometry.height}`} width={width} height={height} aria-hidden="true">
            {lines.map((l) =>
              l.colour || !printed ? (
                <rect key={l.n} x={l.box.x} y={l.box.y} width={l.box.w} height={l.box.h} fill={l.colour ?? 'none'} fillOpacity={0.22} stroke={printed ? 'none' : 'var(--faint)'} strokeWidth={stroke} />
              ) : null,
            )}
            {cursorBox && (
              <rect
                ref={outline}
                className="page-image-cursor"
                data-line={cursorN ?? undefined}
                x={cursorBox.x - 2 * stroke}
                y={cursorBox.y - 2 * stroke}
                width={cursorBox.w + 4 * stroke}
                height={cursorBox.h + 4 * stroke}
                fill="none"
                strokeWidth={2 * stroke}
              />
            )}
          </svg>
        </div>
      </div>
    </section>
  );
}

function step(zoom: number, by: 1 | -1): number {
  const at = ZOOMS.findIndex((z) => z >= zoom);
  const i = Math.min(ZOOMS.length - 1, Math.max(0, (at === -1 ? ZOOMS.length - 1 : at) + by));
  return ZOOMS[i] ?? 1;
}
