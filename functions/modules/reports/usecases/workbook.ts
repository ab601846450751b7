import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type CellType = 'text' | 'date' | 'datetime' | 'int';

export interface ReportColumn {
  header: string;
  /** Width in characters. */
  width: number;
  type: CellType;
}

export type CellValue = string | number | Date | undefined;

const formats: Record<CellType, string | undefined> = {
  text: '@',
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
  int: '0',
};

/** Rows written between two turns of the event loop. */
const YIELD_EVERY = 100;

/** A Baku calendar date (yyyy-MM-dd) as the Date exceljs writes as that day's serial number. */
export function excelDate(date: string | undefined): Date | undefined {
  return date ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : undefined;
}

/** A UTC instant as the Baku wall-clock time exceljs writes (Excel has no time zones). */
export function excelBakuTime(instant: string | undefined): Date | undefined {
  return instant ? new Date(Date.parse(instant) + 4 * 3_600_000) : undefined;
}

/**
 * Writes one worksheet into `out` with exceljs's streaming writer: each row is committed (zipped
 * into the stream) as it arrives, so memory holds neither the rows nor the file. The header row is
 * bold on a grey fill, frozen, with an autofilter over every column; dates are real dates (Excel
 * serial numbers with a dd.mm.yyyy format), text is text. `onRow` is told every row written.
 */
export async function streamWorkbook(
  out: Writable,
  sheetName: string,
  columns: readonly ReportColumn[],
  rows: AsyncIterable<readonly CellValue[]>,
  onRow?: (written: number) => Promise<void> | void,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Kargüzar';
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]*?:/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width,
    style: formats[c.type] && c.type !== 'text' ? { numFmt: formats[c.type]! } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  let written = 0;
  for await (const values of rows) {
    // Each cell takes its column's number format (dates as dd.mm.yyyy).
    sheet.addRow(values.map((v) => (v === undefined ? null : v))).commit();
    written += 1;
    await onRow?.(written);
    // Let the event loop run the compression and the upload now and then: rows that arrive without
    // any I/O in between (microtasks only) would otherwise pile up as uncompressed XML.
    if (written % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
