import { statusName } from '../../../platform/kernel/status-names';
import type { Language } from '../../../platform/kernel/text';
import type { ControlReport, ControlRow } from '../domain/control';
import type { JournalRow } from '../domain/journal';
import { excelBakuTime, excelDate, type CellValue, type ReportColumn } from './workbook';

type ControlKey =
  | 'registeredOn'
  | 'number'
  | 'classification'
  | 'summary'
  | 'dueDate'
  | 'party'
  | 'workingDays'
  | 'department'
  | 'executor'
  | 'actedBy'
  | 'actedAt'
  | 'controller'
  | 'state';

const controlColumns: ReadonlyArray<{ key: ControlKey; width: number; type: ReportColumn['type'] }> = [
  { key: 'registeredOn', width: 13, type: 'date' },
  { key: 'number', width: 16, type: 'text' },
  { key: 'classification', width: 24, type: 'text' },
  { key: 'summary', width: 50, type: 'text' },
  { key: 'dueDate', width: 13, type: 'date' },
  { key: 'party', width: 30, type: 'text' },
  { key: 'workingDays', width: 14, type: 'int' },
  { key: 'department', width: 26, type: 'text' },
  { key: 'executor', width: 26, type: 'text' },
  { key: 'actedBy', width: 26, type: 'text' },
  { key: 'actedAt', width: 17, type: 'datetime' },
  { key: 'controller', width: 26, type: 'text' },
  { key: 'state', width: 18, type: 'text' },
];

type JournalKey =
  | 'seq'
  | 'number'
  | 'registeredAt'
  | 'documentNumber'
  | 'documentDate'
  | 'party'
  | 'summary'
  | 'classification'
  | 'deliveryForm'
  | 'addressee'
  | 'status';

const journalColumns: ReadonlyArray<{ key: JournalKey; width: number; type: ReportColumn['type'] }> = [
  { key: 'seq', width: 7, type: 'int' },
  { key: 'number', width: 16, type: 'text' },
  { key: 'registeredAt', width: 17, type: 'datetime' },
  { key: 'documentNumber', width: 16, type: 'text' },
  { key: 'documentDate', width: 13, type: 'date' },
  { key: 'party', width: 32, type: 'text' },
  { key: 'summary', width: 50, type: 'text' },
  { key: 'classification', width: 24, type: 'text' },
  { key: 'deliveryForm', width: 18, type: 'text' },
  { key: 'addressee', width: 26, type: 'text' },
  { key: 'status', width: 20, type: 'text' },
];

interface Words {
  control: Record<ControlKey, string>;
  journal: Record<JournalKey, string>;
  states: Record<'on-time' | 'late' | 'not-executed' | 'overdue', string>;
  reports: Record<ControlReport | 'journal', string>;
}

/** The workbook's words in the job's language. */
const words: Record<Language, Words> = {
  az: {
    control: {
      registeredOn: 'Qeydiyyat tarixi',
      number: 'Qeydiyyat nömrəsi',
      classification: 'Təsnifat',
      summary: 'Qısa məzmun',
      dueDate: 'İcra müddəti',
      party: 'Kimdən daxil olub',
      workingDays: 'Qalan / gecikən iş günü',
      department: 'Struktur bölmə',
      executor: 'İcraçı',
      actedBy: 'İcra edən',
      actedAt: 'İcra tarixi',
      controller: 'Nəzarətçi',
      state: 'Vəziyyət',
    },
    journal: {
      seq: '№',
      number: 'Qeydiyyat nömrəsi',
      registeredAt: 'Qeydiyyat tarixi',
      documentNumber: 'Sənədin nömrəsi',
      documentDate: 'Sənədin tarixi',
      party: 'Göndərən / ünvan',
      summary: 'Qısa məzmun',
      classification: 'Təsnifat',
      deliveryForm: 'Daxilolma forması',
      addressee: 'Ünvanlanıb',
      status: 'Status',
    },
    states: {
      'on-time': 'Vaxtında icra edilib',
      late: 'Gecikmə ilə icra edilib',
      'not-executed': 'İcra edilməyib',
      overdue: 'Müddəti keçib',
    },
    reports: {
      overdue: 'Müddəti keçmiş',
      'on-time': 'Vaxtında icra edilmiş',
      late: 'Gecikmə ilə icra edilmiş',
      'not-executed': 'İcra edilməmiş',
      all: 'Nəzarətdə olan sənədlər',
      journal: 'Qeydiyyat jurnalı',
    },
  },
  en: {
    control: {
      registeredOn: 'Registration date',
      number: 'Registration number',
      classification: 'Classification',
      summary: 'Summary',
      dueDate: 'Due date',
      party: 'From whom',
      workingDays: 'Working days left / late',
      department: 'Department',
      executor: 'Executor',
      actedBy: 'Acted by',
      actedAt: 'Acted on',
      controller: 'Controller',
      state: 'State',
    },
    journal: {
      seq: 'No.',
      number: 'Registration number',
      registeredAt: 'Registered',
      documentNumber: 'Document number',
      documentDate: 'Document date',
      party: 'Sender / addressee',
      summary: 'Summary',
      classification: 'Classification',
      deliveryForm: 'Delivery form',
      addressee: 'Addressed to',
      status: 'Status',
    },
    states: {
      'on-time': 'Executed on time',
      late: 'Executed late',
      'not-executed': 'Not executed',
      overdue: 'Overdue',
    },
    reports: {
      overdue: 'Overdue',
      'on-time': 'Executed on time',
      late: 'Executed late',
      'not-executed': 'Not executed',
      all: 'Under control',
      journal: 'Registration journal',
    },
  },
  ru: {
    control: {
      registeredOn: 'Дата регистрации',
      number: 'Регистрационный номер',
      classification: 'Классификация',
      summary: 'Краткое содержание',
      dueDate: 'Срок исполнения',
      party: 'От кого',
      workingDays: 'Осталось / просрочено раб. дней',
      department: 'Подразделение',
      executor: 'Исполнитель',
      actedBy: 'Кто исполнил',
      actedAt: 'Когда',
      controller: 'Контролёр',
      state: 'Состояние',
    },
    journal: {
      seq: '№',
      number: 'Регистрационный номер',
      registeredAt: 'Дата регистрации',
      documentNumber: 'Номер документа',
      documentDate: 'Дата документа',
      party: 'Отправитель / адресат',
      summary: 'Краткое содержание',
      classification: 'Классификация',
      deliveryForm: 'Форма доставки',
      addressee: 'Адресовано',
      status: 'Статус',
    },
    states: {
      'on-time': 'Исполнено в срок',
      late: 'Исполнено с опозданием',
      'not-executed': 'Не исполнено',
      overdue: 'Просрочено',
    },
    reports: {
      overdue: 'Просроченные',
      'on-time': 'Исполненные в срок',
      late: 'Исполненные с опозданием',
      'not-executed': 'Неисполненные',
      all: 'На контроле',
      journal: 'Журнал регистрации',
    },
  },
};

export const reportTitle = (lang: Language, report: ControlReport | 'journal') => words[lang].reports[report];

export function controlSheet(lang: Language): ReportColumn[] {
  return controlColumns.map((c) => ({ header: words[lang].control[c.key], width: c.width, type: c.type }));
}

export function controlCells(lang: Language, row: ControlRow): CellValue[] {
  const w = words[lang];
  return controlColumns.map(({ key }): CellValue => {
    switch (key) {
      case 'registeredOn':
        return excelDate(row.registeredOn);
      case 'dueDate':
        return excelDate(row.dueDate);
      case 'actedAt':
        return excelBakuTime(row.actedAt);
      case 'state':
        return w.states[row.overdue ? 'overdue' : row.state];
      case 'workingDays':
        return row.workingDays;
      default:
        return row[key];
    }
  });
}

export function journalSheet(lang: Language): ReportColumn[] {
  return journalColumns.map((c) => ({ header: words[lang].journal[c.key], width: c.width, type: c.type }));
}

export function journalCells(lang: Language, row: JournalRow): CellValue[] {
  return journalColumns.map(({ key }): CellValue => {
    switch (key) {
      case 'registeredAt':
        return excelBakuTime(row.registeredAt);
      case 'documentDate':
        return excelDate(row.documentDate);
      case 'status':
        return statusName(lang, row.status);
      default:
        return row[key];
    }
  });
}
