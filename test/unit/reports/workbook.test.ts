import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { controlState, inReport, isOverdue } from '../../../functions/modules/reports/domain/control';
import { decodeCursor, encodeCursor } from '../../../functions/modules/reports/domain/cursor';
import { controlCells, controlSheet } from '../../../functions/modules/reports/usecases/sheets';
import { streamWorkbook } from '../../../functions/modules/reports/usecases/workbook';
import type { ControlRow } from '../../../functions/modules/reports/domain/control';

const row: ControlRow = {
  documentId: 'd1',
  resolutionId: 'r1',
  kind: 'incoming',
  number: 'D-1/26',
  registeredOn: '2026-03-02',
  classification: 'Müraciət',
  summary: 'Şəhər İcra Hakimiyyətinə ərizə',
  party: 'Məmmədova Günel',
  dueDate: '2026-03-16',
  state: 'not-executed',
  overdue: true,
  workingDays: -3,
  department: 'Ümumi şöbə',
  executor: 'Əliyev Çingiz',
  executorId: 'e1',
  controller: 'İsmayılova Gülşən',
  controllerId: 'c1',
  actedBy: '',
  status: 'open',
};

describe('control report states', () => {
  it('puts each resolution in exactly one state, overdue within not executed', () => {
    const today = '2026-03-19';
    expect(controlState({ status: 'executed', dueDate: '2026-03-16', executedOn: '2026-03-16' })).toBe(
      'on-time',
    );
    expect(controlState({ status: 'executed', dueDate: '2026-03-16', executedOn: '2026-03-17' })).toBe(
      'late',
    );
    expect(controlState({ status: 'closed', dueDate: '2026-03-16' })).toBe('not-executed');
    expect(controlState({ status: 'withdrawn', dueDate: '2026-03-16' })).toBeUndefined();
    expect(isOverdue({ status: 'open', dueDate: '2026-03-18' }, today)).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-03-19' }, today)).toBe(false);
    expect(inReport('overdue', { status: 'open', dueDate: '2026-03-18' }, today)).toBe(true);
    expect(inReport('not-executed', { status: 'open', dueDate: '2026-03-18' }, today)).toBe(true);
    expect(inReport('all', { status: 'withdrawn' }, today)).toBe(false);
  });

  it('round-trips its cursor and refuses a forged one', () => {
    expect(decodeCursor(encodeCursor({ part: 2, cursor: 'abc' }), 4)).toEqual({ part: 2, cursor: 'abc' });
    expect(() => decodeCursor(encodeCursor({ part: 9 }), 4)).toThrow();
    expect(() => decodeCursor('not json', 4)).toThrow();
  });
});

describe('streamed workbook', () => {
  it('has a bold frozen header with an autofilter, dates as dates and Azerbaijani text', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on('end', resolve));
    async function* rows() {
      yield controlCells('az', row);
    }
    const written = await streamWorkbook(out, 'Müddəti keçmiş', controlSheet('az'), rows());
    await ended;
    expect(written).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Müddəti keçmiş');
    expect(sheet.getRow(1).getCell(1).value).toBe('Qeydiyyat tarixi');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:M1');
    const registered = sheet.getRow(2).getCell(1);
    expect(registered.value).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(registered.numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getRow(2).getCell(4).value).toBe('Şəhər İcra Hakimiyyətinə ərizə');
    expect(sheet.getRow(2).getCell(7).value).toBe(-3);
    expect(sheet.getRow(2).getCell(13).value).toBe('Müddəti keçib');
  });
});
