import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width: number;
}

/**
 * Writes one worksheet with exceljs's streaming writer: each row is committed (serialized into the
 * zip stream) as soon as it arrives, so memory holds the compressed file, never the rows. Cells are
 * text: numbers like "D-1/26" and dates as dd.MM.yyyy stay exactly as shown in the app.
 */
export async function writeXlsx(
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<readonly string[]>,
): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ key: String(i), width: c.width }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
