'use client';

import { useEffect, useRef, useState } from 'react';
import type * as PdfJsModule from 'pdfjs-dist';
import { useI18n } from '../../../lib/i18n';

type PdfJs = typeof PdfJsModule;

const MAX_PAGES = 50;
let pdfjsPromise: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded on first use (it needs the browser), with its worker as a bundled module chunk:
 * a headless or plugin-less browser cannot show PDFs itself, so pages are drawn on canvases.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist').then((pdfjs) => {
    if (!pdfjs.GlobalWorkerOptions.workerPort) {
      pdfjs.GlobalWorkerOptions.workerPort = new Worker(new URL('./pdf.worker.ts', import.meta.url), {
        type: 'module',
      });
    }
    return pdfjs;
  });
  return pdfjsPromise;
}

/** Pages 1..n of a PDF (its bytes fetched from a short-lived URL), each on a labelled canvas. */
export function PdfPreview({ url, fileName }: { url: string; fileName: string }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready'; pages: number; shown: number } | { status: 'error' }
  >({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const host = container.current;
    let destroy: (() => void) | undefined;
    setState({ status: 'loading' });
    (async () => {
      const [pdfjs, bytes] = await Promise.all([
        loadPdfJs(),
        fetch(url).then((res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return res.arrayBuffer();
        }),
      ]);
      if (cancelled || !host) return;
      const task = pdfjs.getDocument({ data: new Uint8Array(bytes) });
      destroy = () => void task.destroy();
      const pdf = await task.promise;
      const shown = Math.min(pdf.numPages, MAX_PAGES);
      host.replaceChildren();
      const width = Math.max(320, Math.min(host.clientWidth || 800, 900));
      const ratio = window.devicePixelRatio || 1;
      for (let n = 1; n <= shown; n++) {
        if (cancelled) return;
        const page = await pdf.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: width / base.width });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        canvas.className = 'doc-pdf-page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute(
          'aria-label',
          t('doc.contents.pdfPage', { n, total: pdf.numPages, name: fileName }),
        );
        canvas.dataset.page = String(n);
        host.appendChild(canvas);
        await page.render({
          canvas,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        }).promise;
      }
      if (!cancelled) setState({ status: 'ready', pages: pdf.numPages, shown });
    })().catch(() => {
      if (!cancelled) setState({ status: 'error' });
    });
    return () => {
      cancelled = true;
      destroy?.();
      host?.replaceChildren();
    };
  }, [url, fileName, t]);

  return (
    <div className="doc-pdf" aria-busy={state.status === 'loading'}>
      <div role="status" aria-live="polite">
        {state.status === 'loading' ? <p className="loading">{t('doc.contents.pdfLoading')}</p> : null}
        {state.status === 'ready' ? (
          <p className="hint">
            {state.shown < state.pages
              ? t('doc.contents.pdfPagesLimited', { shown: state.shown, total: state.pages })
              : t('doc.contents.pdfPages', { total: state.pages })}
          </p>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <p className="alert alert-error" role="alert">
          {t('doc.contents.previewFailed')}
        </p>
      ) : null}
      <div ref={container} className="doc-pdf-pages" />
    </div>
  );
}
