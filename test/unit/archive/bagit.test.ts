import { describe, expect, it } from 'vitest';
import {
  asciiName,
  BAGIT_TXT,
  bagInfoText,
  bagName,
  documentFolder,
  humanSize,
  manifestPath,
  manifestText,
  payloadFileName,
  payloadOxum,
} from '../../../functions/modules/archive/domain/bagit';

describe('BagIt text of a transfer package (RFC 8493)', () => {
  it('declares version 1.0 and UTF-8 tag files', () => {
    expect(BAGIT_TXT).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  });

  it('counts the payload as <octets>.<files>', () => {
    expect(payloadOxum([{ size: 10 }, { size: 0 }, { size: 32_000 }])).toBe('32010.3');
    expect(payloadOxum([])).toBe('0.0');
  });

  it('writes manifest lines as sha256sum reads them, with CR, LF and % percent-encoded', () => {
    const sha = 'a'.repeat(64);

    const text = manifestText([
      { path: 'data/Ə-7_26_d1/originals/Arayış.docx', sha256: sha },
      { path: 'data/x/100%\nnew', sha256: sha },
    ]);

    expect(text).toBe(`${sha}  data/Ə-7_26_d1/originals/Arayış.docx\n${sha}  data/x/100%25%0Anew\n`);
    expect(manifestPath('a\rb')).toBe('a%0Db');
  });

  it('names document folders in ASCII from the registration number, and keeps them apart by id', () => {
    expect(documentFolder({ number: 'Ə-7/26', documentId: 'd1' })).toBe('E-7-26_d1');
    expect(documentFolder({ number: 'ƏMR-001 (şöbə № 3)', documentId: 'd2' })).toBe('EMR-001-sobe-N-3_d2');
    expect(documentFolder({ documentId: 'd3' })).toBe('d3');
    expect(documentFolder({ number: '../..', documentId: 'd4' })).toBe('d4');
    expect(asciiName('Çağırış İşi')).toBe('Cagiris-Isi');
  });

  it('names the bag from the case file index, the year and the package id', () => {
    expect(bagName({ caseIndex: '01-01', year: 2026, transferId: '3f0c1d2e-aaaa-bbbb' })).toBe(
      'karguzar-01-01-2026-3f0c1d2e',
    );
    expect(bagName({ caseIndex: '//', year: 2026, transferId: 'abcdefgh' })).toBe(
      'karguzar-case-2026-abcdefgh',
    );
  });

  it('keeps original file names, without separators, distinct within a folder', () => {
    const taken = new Set(['single-file.pdf']);

    const names = ['Arayış.docx', 'arayış.docx', '../etc/passwd', '..', 'single-file.pdf', 'a\u0000b'].map(
      (n) => payloadFileName(n, taken),
    );

    expect(names).toEqual([
      'Arayış.docx',
      'arayış (2).docx',
      '.._etc_passwd',
      'file',
      'single-file (2).pdf',
      'a_b',
    ]);
  });

  it('writes bag-info.txt one element a line, and sizes as people read them', () => {
    expect(
      bagInfoText([
        ['Source-Organization', 'Sınaq Agentliyi'],
        ['External-Description', 'iki\nsətir '],
      ]),
    ).toBe('Source-Organization: Sınaq Agentliyi\nExternal-Description: iki sətir\n');
    expect(humanSize(512)).toBe('512 bytes');
    expect(humanSize(1536)).toBe('1.5 KB');
    expect(humanSize(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
