import type { Language } from '../../../platform/kernel/text';
import { statusName } from '../../../platform/kernel/status-names';
import { FileAnswer } from '../../../platform/http/file-answer';
import { writeXlsx, XLSX_TYPE, type SheetColumn } from '../../../platform/http/xlsx';
import type { DocumentKind } from '../domain/document';
import type { ExportRow } from '../usecases/export.usecase';

type Column = Exclude<keyof ExportRow, 'id'>;

const columns: ReadonlyArray<{ key: Column; width: number }> = [
  { key: 'number', width: 16 },
  { key: 'registeredOn', width: 14 },
  { key: 'kind', width: 24 },
  { key: 'party', width: 36 },
  { key: 'summary', width: 60 },
  { key: 'status', width: 22 },
  { key: 'dueDate', width: 14 },
  { key: 'executor', width: 30 },
];

/** The export's words in the request's language: headers, sheet and file name, kinds. */
const words: Record<
  Language,
  { sheet: string; file: string; headers: Record<Column, string>; kinds: Record<DocumentKind, string> }
> = {
  az: {
    sheet: 'Sənədlər',
    file: 'senedler',
    headers: {
      number: 'Qeydiyyat nömrəsi',
      registeredOn: 'Qeydiyyat tarixi',
      kind: 'Sənədin növü',
      party: 'Göndərən / ünvan',
      summary: 'Qısa məzmun',
      status: 'Status',
      dueDate: 'İcra müddəti',
      executor: 'İcraçı',
    },
    kinds: {
      incoming: 'Daxil olan sənəd',
      outgoing: 'Göndərilən sənəd',
      internal: 'Daxili sənəd',
      order: 'Əmr, sərəncam, qərar',
    },
  },
  en: {
    sheet: 'Documents',
    file: 'documents',
    headers: {
      number: 'Registration number',
      registeredOn: 'Registration date',
      kind: 'Kind',
      party: 'Sender / addressee',
      summary: 'Summary',
      status: 'Status',
      dueDate: 'Due date',
      executor: 'Executor',
    },
    kinds: {
      incoming: 'Incoming document',
      outgoing: 'Outgoing document',
      internal: 'Internal document',
      order: 'Order, directive, decision',
    },
  },
  ru: {
    sheet: 'Документы',
    file: 'dokumenty',
    headers: {
      number: 'Регистрационный номер',
      registeredOn: 'Дата регистрации',
      kind: 'Вид документа',
      party: 'Отправитель / адресат',
      summary: 'Краткое содержание',
      status: 'Статус',
      dueDate: 'Срок исполнения',
      executor: 'Исполнитель',
    },
    kinds: {
      incoming: 'Входящий документ',
      outgoing: 'Исходящий документ',
      internal: 'Внутренний документ',
      order: 'Приказ, распоряжение, решение',
    },
  },
};

/** Header names, for tests and the web's expectations. */
export const exportHeaders = (lang: Language): string[] => columns.map((c) => words[lang].headers[c.key]);

/** The selection as an .xlsx workbook in the request's language; the rows stream from the use case into the writer. */
export async function exportWorkbook(
  rows: AsyncIterable<ExportRow>,
  lang: Language,
  today: string,
): Promise<FileAnswer> {
  const w = words[lang];
  const sheetColumns: SheetColumn[] = columns.map((c) => ({ header: w.headers[c.key], width: c.width }));
  async function* cells() {
    for await (const row of rows)
      yield columns.map(({ key }) => {
        if (key === 'kind') return w.kinds[row.kind];
        if (key === 'status') return statusName(lang, row.status);
        return row[key];
      });
  }
  const body = await writeXlsx(w.sheet, sheetColumns, cells());
  return new FileAnswer(body, XLSX_TYPE, `${w.file}-${today}.xlsx`);
}
