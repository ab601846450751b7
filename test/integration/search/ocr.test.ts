import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { as, citizenIncoming, uploadContent, type Doc } from '../documents/helpers';
import { found, foundEventually, marker } from './helpers';

// A word that only a scanned image carries is found once the indexer has read the scan (OCR).
const baseUrl = inject('baseUrl');

/** A "scan": black text on white, as a flatbed gives it (no text layer, only pixels). */
async function scanOf(line: string): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="260">
    <rect width="100%" height="100%" fill="white"/>
    <text x="60" y="160" font-family="DejaVu Sans, sans-serif" font-size="72" fill="black">${line}</text>
  </svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).png().toBuffer());
}

describe('text of scanned contents', () => {
  it('finds a letter by a word that appears only in its scanned image', async () => {
    // Arrange
    const clerk = await as(baseUrl, 'clerk');
    const run = marker('ocr');
    const res = await clerk.post<Doc>(
      '/api/v1/documents/incoming',
      citizenIncoming(`Skan olunmuş məktub ${run}`),
    );
    expect(res.status).toBe(201);
    const doc = res.body;
    await foundEventually(clerk, [['q', run]], doc.id, 'the letter by its summary');
    expect(
      await found(clerk, [
        ['q', 'kalibrator'],
        ['within', run],
      ]),
    ).toEqual([]);

    // Act
    const file = await uploadContent(clerk, doc.id, await scanOf('KALIBRATOR ZAVODU'), {
      fileName: 'skan.png',
      contentType: 'image/png',
    });
    expect(file.complete.status, JSON.stringify(file.complete.body)).toBe(200);

    // Assert
    await foundEventually(
      clerk,
      [
        ['q', 'kalibrator'],
        ['within', run],
      ],
      doc.id,
      'the word of the scan',
    );
    const ids = await found(clerk, [
      ['q', 'zavodu'],
      ['within', run],
    ]);
    expect(ids).toEqual([doc.id]);
  }, 120_000);
});
