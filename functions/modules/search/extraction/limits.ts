/**
 * Bounds of one extraction. A file past any of them gives what was read so far, or `none` when
 * nothing was; it never takes the process down. Chosen for one page per second or two of OCR on
 * one core (see `scripts/bench/ocr.ts`) and a Lambda of 2 GB.
 */
export interface ExtractionLimits {
  /** Larger inputs are not read at all. */
  maxInputBytes: number;
  /** Pages whose text layer is read, per PDF. */
  maxPdfPages: number;
  /** Images OCR'd per file (a scanned PDF page, a TIFF frame, an image file: one each). */
  maxOcrImages: number;
  /** Wall time for all OCR of one file; the page running when it ends is abandoned. */
  maxOcrMillis: number;
  /** Pixels of one image: more is treated as a bomb and skipped. */
  maxImagePixels: number;
  /** Bytes an office file's archive may unpack to (declared sizes, checked before parsing). */
  maxUnpackedBytes: number;
  /** Characters of text kept per file. */
  maxTextChars: number;
}

export const defaultLimits: ExtractionLimits = {
  maxInputBytes: 100 * 1024 * 1024,
  maxPdfPages: 2000,
  maxOcrImages: 20,
  maxOcrMillis: 180_000,
  maxImagePixels: 60_000_000,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxTextChars: 2_000_000,
};

/** Collects text up to a cap. */
export class TextSink {
  private readonly parts: string[] = [];
  private size = 0;
  constructor(private readonly cap: number) {}
  get full(): boolean {
    return this.size >= this.cap;
  }
  add(text: string): void {
    const t = text.trim();
    if (!t || this.full) return;
    const part = t.length > this.cap - this.size ? t.slice(0, this.cap - this.size) : t;
    this.parts.push(part);
    this.size += part.length + 1;
  }
  text(): string {
    return this.parts.join('\n');
  }
}
