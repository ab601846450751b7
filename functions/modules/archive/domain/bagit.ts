/**
 * BagIt (RFC 8493): the transfer package of a permanent case file to the state archive (Decree 935
 * §153.7). Pure text: the tag files' lines, the payload's names and the Payload-Oxum. The bag is
 * written as one tar file whose top directory is the bag's name (docs/decisions.md).
 */

/** The letters of Azerbaijani (and Russian) that have a plain ASCII reading in a folder name. */
const LATIN: Readonly<Record<string, string>> = {
  ə: 'e',
  Ə: 'E',
  ı: 'i',
  İ: 'I',
  ş: 's',
  Ş: 'S',
  ç: 'c',
  Ç: 'C',
  ğ: 'g',
  Ğ: 'G',
  ö: 'o',
  Ö: 'O',
  ü: 'u',
  Ü: 'U',
  '№': 'N',
};

/**
 * An ASCII-safe name part: Azerbaijani letters read as ASCII, accents dropped, anything but
 * letters, digits, dot, underscore and hyphen turned into a hyphen (no "/", no leading dot).
 */
export function asciiName(text: string, max = 60): string {
  const plain = [...text]
    .map((c) => LATIN[c] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return plain
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, max)
    .replace(/[-.]+$/g, '');
}

/** The bag's name (its top directory): the case file's index and year, and the package id. */
export function bagName(input: { caseIndex: string; year: number; transferId: string }): string {
  const index = asciiName(input.caseIndex, 40) || 'case';
  return `karguzar-${index}-${input.year}-${input.transferId.slice(0, 8)}`;
}

/** A document's folder under data/: its registration number (readable) and its id (unique). */
export function documentFolder(input: { number?: string; documentId: string }): string {
  const number = input.number ? asciiName(input.number, 60) : '';
  return number ? `${number}_${input.documentId}` : input.documentId;
}

/**
 * A stored file's name inside a document folder: its own name (any script: the tar carries it in
 * a pax header), without path separators or control characters, never "." or "..", and made
 * distinct from the names already taken (`a.pdf`, `a (2).pdf`…).
 */
export function payloadFileName(fileName: string, taken: Set<string>): string {
  const cleaned = [...fileName.normalize('NFC')]
    .map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '/' || c === '\\' ? '_' : c))
    .join('')
    .trim()
    .slice(0, 200);
  const base = cleaned === '' || /^\.+$/.test(cleaned) ? 'file' : cleaned;
  let name = base;
  const dot = base.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n})${ext}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * A path as a manifest line names it (RFC 8493 §2.1.3): relative to the bag's base directory,
 * with CR, LF and "%" percent-encoded.
 */
export const manifestPath = (path: string): string =>
  path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Manifest lines: `<sha256>  <path>` (two spaces, as `sha256sum -c` reads them), one per file. */
export function manifestText(files: ReadonlyArray<{ path: string; sha256: string }>): string {
  return files.map((f) => `${f.sha256}  ${manifestPath(f.path)}\n`).join('');
}

/** The Payload-Oxum: the payload's octet count and file count, `<bytes>.<files>`. */
export function payloadOxum(files: ReadonlyArray<{ size: number }>): string {
  return `${files.reduce((sum, f) => sum + f.size, 0)}.${files.length}`;
}

/** A size as people read it (Bag-Size): bytes, KB, MB, GB (powers of 1024, one decimal). */
export function humanSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/**
 * bag-info.txt: one `Label: value` line per element, in the given order (a label may repeat).
 * Values are one line each: line breaks inside a value become spaces.
 */
export function bagInfoText(elements: ReadonlyArray<readonly [string, string]>): string {
  return elements
    .map(([label, value]) => `${label}: ${value.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`)
    .join('');
}
