import { inflateRawSync } from 'node:zlib';

/**
 * The central directory of a ZIP archive, read before anything unpacks it: office files (which
 * are ZIPs) for their text, and e-mail attachments checked for archive bombs. Sizes are as the
 * archive declares them (ZIP64 included); reading an entry never inflates more than its size.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The declared unpacked size. */
  size: number;
  localHeader: number;
}

/** The entries the central directory declares; undefined when none is readable (a malformed file). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, from the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  // ZIP64: the locator just before the end record points at the ZIP64 end record.
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === 0x07064b50
  ) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    if (at + 56 > bytes.length || view.getUint32(at, true) !== 0x06064b50) return undefined;
    count = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return undefined;
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    let localHeader = view.getUint32(p + 42, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.length) return undefined;
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extra field (0x0001): 64-bit values, in this order, for the fields at 0xffffffff.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const end = e + 4 + length;
        const next = () => {
          const value = Number(view.getBigUint64(q, true));
          q += 8;
          return value;
        };
        if (size === 0xffffffff && q + 8 <= end) size = next();
        if (compressedSize === 0xffffffff && q + 8 <= end) compressedSize = next();
        if (localHeader === 0xffffffff && q + 8 <= end) localHeader = next();
      }
      e += 4 + length;
    }
    entries.push({ name, method: view.getUint16(p + 10, true), compressedSize, size, localHeader });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes (stored or deflated), never more than its declared size. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) return undefined;
  return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }));
}
