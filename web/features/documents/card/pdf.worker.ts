// The pdf.js worker as a module the bundler emits (a .js chunk under /_next/static, which the static
// export serves with a JavaScript type): importing it starts the worker's message handler.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
