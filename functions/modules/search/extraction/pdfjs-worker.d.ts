// pdf.js's worker module, imported so that it runs on the main thread (and a bundler includes it).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
