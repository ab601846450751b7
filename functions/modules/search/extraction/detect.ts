import { zipEntries, type ZipEntry } from '../../../platform/kernel/zip';

/** What a file is, from its first bytes first, then its media type and name. */
export type FileKind =
  | { kind: 'pdf' }
  | { kind: 'png' | 'jpeg' | 'tiff' }
  | { kind: 'docx' | 'xlsx' | 'odt'; entries: ZipEntry[] }
  | { kind: 'plain' }
  | { kind: 'unknown' };

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

const PLAIN_TYPES = new Set(['text/plain', 'text/csv', 'text/tab-separated-values', 'application/csv']);
const PLAIN_NAMES = /\.(txt|csv|tsv|text)$/i;

export function detect(bytes: Uint8Array, mediaType: string, fileName: string): FileKind {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return { kind: 'pdf' }; // %PDF-
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { kind: 'png' };
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return { kind: 'jpeg' };
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a))
    return { kind: 'tiff' };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const entries = zipEntries(bytes);
    if (!entries) return { kind: 'unknown' };
    const names = new Set(entries.map((e) => e.name));
    if (names.has('word/document.xml')) return { kind: 'docx', entries };
    if (names.has('xl/workbook.xml')) return { kind: 'xlsx', entries };
    if (names.has('content.xml') && names.has('mimetype')) return { kind: 'odt', entries };
    return { kind: 'unknown' };
  }
  // Legacy binary formats (.doc, .xls: OLE compound files) and anything else with NUL bytes.
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return { kind: 'unknown' };
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  if ((PLAIN_TYPES.has(type) || PLAIN_NAMES.test(fileName)) && !bytes.subarray(0, 4096).includes(0)) {
    return { kind: 'plain' };
  }
  return { kind: 'unknown' };
}

/**
 * Plain text: UTF-8 (a BOM is dropped); bytes that are not UTF-8 are read as Windows-1251, the
 * code page of older Azerbaijani and Russian files.
 */
export function decodePlain(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}
