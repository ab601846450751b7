import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportHeaders, exportWorkbook } from '../../../../functions/modules/documents/api/export.sheet';
import type { ExportRow } from '../../../../functions/modules/documents/usecases/export.usecase';

const row = (n: number): ExportRow => ({
  id: `id-${n}`,
  number: `${n}-DX/26`,
  registeredOn: '02.03.2026',
  kind: 'incoming',
  party: 'Aysel Məmmədova',
  summary: `Müraciət ${n}`,
  status: 'in-execution',
  dueDate: '20.03.2026',
  executor: 'Əli Həsənov',
});

async function* rows(count: number) {
  for (let n = 1; n <= count; n++) yield row(n);
}

async function read(body: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const values: string[][] = [];
  sheet.eachRow((r) => values.push((r.values as unknown[]).slice(1).map(String)));
  return { sheet, values };
}

describe('exportWorkbook', () => {
  it('writes the localized headers and one text row per document, with its download name', async () => {
    // Act
    const answer = await exportWorkbook(rows(2), 'ru', '2026-03-02');

    // Assert
    const { sheet, values } = await read(answer.body);
    expect(sheet.name).toBe('Документы');
    expect(values[0]).toEqual(exportHeaders('ru'));
    expect(values[0]).toContain('Срок исполнения');
    expect(values[1]).toEqual([
      '1-DX/26',
      '02.03.2026',
      'Входящий документ',
      'Aysel Məmmədova',
      'Müraciət 1',
      'На исполнении',
      '20.03.2026',
      'Əli Həsənov',
    ]);
    expect(values).toHaveLength(3);
    expect(answer.fileName).toBe('dokumenty-2026-03-02.xlsx');
  });

  it('names the columns in Azerbaijani and English too', () => {
    expect(exportHeaders('az')).toEqual([
      'Qeydiyyat nömrəsi',
      'Qeydiyyat tarixi',
      'Sənədin növü',
      'Göndərən / ünvan',
      'Qısa məzmun',
      'Status',
      'İcra müddəti',
      'İcraçı',
    ]);
    expect(exportHeaders('en')[0]).toBe('Registration number');
  });

  it('streams a large selection without holding its rows', async () => {
    // Act: far beyond one request's limit, to show the writer's cost grows with the file only
    const answer = await exportWorkbook(rows(5_000), 'az', '2026-03-02');

    // Assert
    const { values } = await read(answer.body);
    expect(values).toHaveLength(5_001);
    expect(values[5_000]?.[0]).toBe('5000-DX/26');
  });
});
