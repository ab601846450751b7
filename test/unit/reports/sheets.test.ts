import { describe, expect, it } from 'vitest';
import {
  controlSheet,
  journalCells,
  journalSheet,
  reportTitle,
} from '../../../functions/modules/reports/usecases/sheets';

describe('report sheets', () => {
  it('name their columns in the three languages', () => {
    expect(
      controlSheet('az')
        .map((c) => c.header)
        .slice(0, 2),
    ).toEqual(['Qeydiyyat tarixi', 'Qeydiyyat nömrəsi']);
    expect(controlSheet('en')[6]).toMatchObject({ header: 'Working days left / late', type: 'int' });
    expect(journalSheet('ru')[0]!.header).toBe('№');
    expect(reportTitle('en', 'journal')).toBe('Registration journal');
  });

  it('write journal times as Baku wall-clock dates and statuses by name', () => {
    const cells = journalCells('en', {
      documentId: 'd',
      kind: 'incoming',
      journalId: 'j',
      seq: 7,
      number: 'D-7/26',
      registeredAt: '2026-03-02T06:00:00.000Z',
      documentNumber: 'NK-1',
      documentDate: '2026-02-27',
      party: 'Vətəndaş',
      summary: 'Ərizə',
      classification: '',
      deliveryForm: 'E-poçt',
      addressee: '',
      status: 'registered',
    });
    expect(cells[0]).toBe(7);
    expect(cells[2]).toEqual(new Date('2026-03-02T10:00:00.000Z'));
    expect(cells[4]).toEqual(new Date('2026-02-27T00:00:00.000Z'));
    expect(typeof cells[10]).toBe('string');
  });
});
