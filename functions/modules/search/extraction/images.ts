import UTIF from 'utif2';

/**
 * Images handed to Tesseract. PNG and JPEG go as they are (Leptonica inside tesseract.js decodes
 * them) once their declared size is checked; TIFF frames and the images inside PDFs are decoded in
 * JavaScript and handed over as 8-bit grey PGM. Anything larger than the pixel cap is skipped.
 */

/** A decoded 8-bit grey image. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Width and height a PNG declares in its header. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height of a JPEG's first frame header (SOF0…SOF15 but DHT, JPG and DAC). */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

/** The frames of a TIFF, decoded one at a time so that only one is in memory. */
export function* tiffFrames(
  bytes: Uint8Array,
  maxPixels: number,
  maxFrames: number,
): Generator<GreyImage | undefined> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined);
  for (const ifd of ifds.slice(0, maxFrames)) {
    const width = Number((ifd['t256'] as number[])[0]);
    const height = Number((ifd['t257'] as number[] | undefined)?.[0] ?? 0);
    if (!width || !height || width * height > maxPixels) {
      yield undefined;
      continue;
    }
    UTIF.decodeImage(buffer, ifd);
    const rgba = UTIF.toRGBA8(ifd);
    yield fromPixels(width, height, rgba, 4);
  }
}

/** Grey from interleaved samples (1 = grey, 3 = RGB, 4 = RGBA over white). */
export function fromPixels(width: number, height: number, data: Uint8Array, channels: 1 | 3 | 4): GreyImage {
  if (channels === 1) return { width, height, data: data.subarray(0, width * height) };
  const grey = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < grey.length; i++, j += channels) {
    const y = (data[j]! * 299 + data[j + 1]! * 587 + data[j + 2]! * 114) / 1000;
    grey[i] = channels === 4 ? 255 - ((255 - y) * data[j + 3]!) / 255 : y;
  }
  return { width, height, data: grey };
}

/** Grey from 1-bit rows padded to bytes, a set bit white (pdf.js's GRAYSCALE_1BPP). */
export function fromBits(width: number, height: number, data: Uint8Array): GreyImage {
  const row = (width + 7) >> 3;
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      grey[y * width + x] = data[y * row + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0;
  return { width, height, data: grey };
}

/**
 * Shrinks by an integer factor (box average) so that the longer side is at most `maxSide`:
 * Tesseract reads text best near 300 dpi, and a 600 dpi page costs four times the time.
 */
export function fitWithin(image: GreyImage, maxSide: number): GreyImage {
  const factor = Math.ceil(Math.max(image.width, image.height) / maxSide);
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const base = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[base + dx]!;
      }
      out[y * width + x] = sum / area;
    }
  return { width, height, data: out };
}

/** A binary PGM (P5) file of the image. */
export function toPgm(image: GreyImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(head.length + image.width * image.height);
  out.set(head);
  out.set(image.data.subarray(0, image.width * image.height), head.length);
  return out;
}
