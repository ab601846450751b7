import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { ExtractionLimits } from './limits';
import { TextSink } from './limits';
import { readZipEntry, type ZipEntry } from '../../../platform/kernel/zip';

/** Whether an archive's declared unpacked size is within the cap (a ZIP bomb is not). */
export function withinUnpackedCap(entries: readonly ZipEntry[], limits: ExtractionLimits): boolean {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  return entries.length <= 10_000 && total <= limits.maxUnpackedBytes;
}

/** Word documents: the raw text of the body, tables, headers' paragraphs (mammoth). */
export async function docxText(bytes: Uint8Array, limits: ExtractionLimits): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  const sink = new TextSink(limits.maxTextChars);
  sink.add(value.replace(/\n{3,}/g, '\n\n'));
  return sink.text();
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/** Workbooks: each sheet's cells row by row, read as a stream (exceljs's streaming reader). */
export async function xlsxText(
  bytes: Uint8Array,
  limits: ExtractionLimits,
): Promise<{ text: string; sheets: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // to tell dates from numbers
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sink = new TextSink(limits.maxTextChars);
  let sheets = 0;
  for await (const sheet of reader) {
    sheets++;
    for await (const row of sheet) {
      if (sink.full) continue; // drain the stream; the text is capped
      const values = Array.isArray(row.values) ? row.values : [];
      sink.add(
        values
          .map((v) => cellText(v as ExcelJS.CellValue))
          .filter(Boolean)
          .join('\t'),
      );
    }
  }
  return { text: sink.text(), sheets };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** OpenDocument text: the paragraphs and headings of content.xml. */
export function odtText(bytes: Uint8Array, entries: readonly ZipEntry[], limits: ExtractionLimits): string {
  const entry = entries.find((e) => e.name === 'content.xml');
  const xml = entry && readZipEntry(bytes, entry);
  if (!xml) throw new Error('content.xml unreadable');
  const text = new TextDecoder()
    .decode(xml)
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:(s|line-break)\b[^>]*\/>/g, (_, tag: string) => (tag === 's' ? ' ' : '\n'))
    .replace(/<\/text:(p|h)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X'))
        return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
      return ENTITIES[code] ?? all;
    });
  const sink = new TextSink(limits.maxTextChars);
  sink.add(text);
  return sink.text();
}
