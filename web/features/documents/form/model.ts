import type { SenderInput } from '../../../api/contract';
import type { DocumentCard, DocumentKind } from '../types';
import { parseDisplayDate, toDisplayDate } from '../../../lib/dates';
import { parseReceiptDays } from '../../exchange/model';

export interface RecipientRow {
  /** Local key of the row (React list key). */
  key: string;
  counterpartId: string;
  name: string;
  email: string;
  contactPerson: string;
}

/** Everything the four registration forms edit, as typed (strings; dates as dd.MM.yyyy). */
export interface DocumentFormState {
  summary: string;
  note: string;
  documentTypeId: string;
  classificationId: string;
  nomenclatureId: string;
  deliveryFormId: string;
  addresseeId: string;
  controllerId: string;
  controlled: boolean;
  /** Məxfi: seen only by the participants and the people named on `accessList`. */
  confidential: boolean;
  accessList: string[];
  dueDate: string;
  documentDate: string;
  journalId: string;
  // incoming
  senderKind: 'organization' | 'citizen';
  counterpartId: string;
  contactPerson: string;
  voen: string;
  fin: string;
  senderName: string;
  address: string;
  phone: string;
  email: string;
  documentNumber: string;
  routeTemplateId: string;
  physicalFormId: string;
  pageCount: string;
  distribution: string[];
  repeatOf: string;
  // outgoing
  signatoryId: string;
  content: string;
  recipients: RecipientRow[];
  /** Working days for the receipt notice (§150); '' = the agency's default. */
  receiptDays: string;
  // internal
  executionCharacter: string;
  extraInfo: string;
  // order
  category: string;
}

let rowSerial = 0;
export function newRecipient(preset: Partial<RecipientRow> = {}): RecipientRow {
  rowSerial += 1;
  return { key: `r${rowSerial}`, counterpartId: '', name: '', email: '', contactPerson: '', ...preset };
}

export function emptyForm(kind: DocumentKind): DocumentFormState {
  return {
    summary: '',
    note: '',
    documentTypeId: '',
    classificationId: '',
    nomenclatureId: '',
    deliveryFormId: '',
    addresseeId: '',
    controllerId: '',
    controlled: false,
    confidential: false,
    accessList: [],
    dueDate: '',
    documentDate: '',
    journalId: '',
    senderKind: 'citizen',
    counterpartId: '',
    contactPerson: '',
    voen: '',
    fin: '',
    senderName: '',
    address: '',
    phone: '',
    email: '',
    documentNumber: '',
    routeTemplateId: '',
    physicalFormId: '',
    pageCount: '',
    distribution: [],
    repeatOf: '',
    signatoryId: '',
    content: '',
    recipients: kind === 'outgoing' ? [newRecipient()] : [],
    receiptDays: '',
    executionCharacter: '',
    extraInfo: '',
    category: kind === 'order' ? 'order' : '',
  };
}

/** The form of a stored document (edit mode). */
export function formOf(doc: DocumentCard): DocumentFormState {
  const form = emptyForm(doc.kind);
  const sender = doc.incoming?.sender;
  return {
    ...form,
    summary: doc.summary,
    note: doc.note ?? '',
    documentTypeId: doc.documentTypeId ?? '',
    classificationId: doc.classificationId ?? '',
    nomenclatureId: doc.nomenclatureId ?? '',
    deliveryFormId: doc.deliveryFormId ?? '',
    addresseeId: doc.addresseeId ?? '',
    controllerId: doc.controllerId ?? '',
    controlled: doc.controlled,
    confidential: doc.confidential === true,
    accessList: doc.accessList ?? [],
    dueDate: toDisplayDate(doc.dueDate),
    documentDate: toDisplayDate(doc.documentDate),
    documentNumber: doc.documentNumber ?? '',
    ...(sender?.kind === 'organization'
      ? {
          senderKind: 'organization' as const,
          counterpartId: sender.counterpartId,
          contactPerson: sender.contactPerson ?? '',
          voen: sender.voen ?? '',
        }
      : {}),
    ...(sender?.kind === 'citizen'
      ? {
          senderKind: 'citizen' as const,
          fin: sender.fin ?? '',
          senderName: sender.name,
          address: sender.address ?? '',
          phone: sender.phone ?? '',
          email: sender.email ?? '',
        }
      : {}),
    routeTemplateId: doc.incoming?.routeTemplateId ?? '',
    physicalFormId: doc.incoming?.physicalFormId ?? '',
    pageCount: doc.incoming?.pageCount ? String(doc.incoming.pageCount) : '',
    distribution: doc.incoming?.distribution ?? [],
    signatoryId: doc.outgoing?.signatoryId ?? doc.internal?.signatoryId ?? doc.order?.signatoryId ?? '',
    content: doc.outgoing?.content ?? '',
    recipients: doc.outgoing
      ? doc.outgoing.recipients.map((r) =>
          newRecipient({
            counterpartId: r.counterpartId ?? '',
            // A counterpart's name comes from the list; only a free recipient keeps its own.
            name: r.counterpartId ? '' : r.name,
            email: r.email ?? '',
            contactPerson: r.contactPerson ?? '',
          }),
        )
      : [],
    receiptDays: doc.outgoing?.receiptDays ? String(doc.outgoing.receiptDays) : '',
    executionCharacter: doc.internal?.executionCharacter ?? '',
    extraInfo: doc.internal?.extraInfo ?? '',
    category: doc.order?.category ?? form.category,
  };
}

type Errors = Record<string, string>;
type Translate = (key: string) => string;

const trimmed = (v: string) => v.trim();
const opt = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIN = /^[0-9A-Za-z]{7}$/;

/** The sender part of an incoming document (also the repeat-candidates query's sender). */
export function senderOf(form: DocumentFormState): SenderInput | undefined {
  if (form.senderKind === 'organization') {
    if (!form.counterpartId) return undefined;
    return {
      kind: 'organization',
      counterpartId: form.counterpartId,
      ...opt('contactPerson', form.contactPerson),
    };
  }
  if (!form.senderName.trim()) return undefined;
  return {
    kind: 'citizen',
    name: form.senderName.trim(),
    ...(FIN.test(form.fin.trim()) ? { fin: form.fin.trim().toUpperCase() } : {}),
    ...opt('address', form.address),
    ...opt('phone', form.phone),
    ...opt('email', form.email),
  };
}

/**
 * The request body of a kind (create: with journal and the links made at registration) and the
 * client-side errors (dates, required fields). The API stays the authority on everything else.
 */
export function toBody(
  kind: DocumentKind,
  form: DocumentFormState,
  mode: 'create' | 'edit',
  links: { inReplyTo?: string; answersId?: string },
  t: Translate,
): { body: Record<string, unknown>; errors: Errors } {
  const errors: Errors = {};
  const date = (key: string, value: string) => {
    const parsed = parseDisplayDate(value);
    if (parsed === undefined) {
      errors[key] = t('doc.form.invalidDate');
      return {};
    }
    return parsed ? { [key]: parsed } : {};
  };
  const required = (key: string, value: string) => {
    if (!value.trim()) errors[key] = t('validation.required');
  };

  required('summary', form.summary);
  const body: Record<string, unknown> = {
    summary: trimmed(form.summary),
    ...opt('note', form.note),
    ...opt('documentTypeId', form.documentTypeId),
    ...opt('classificationId', form.classificationId),
    ...opt('nomenclatureId', form.nomenclatureId),
    ...opt('deliveryFormId', form.deliveryFormId),
    ...opt('addresseeId', form.addresseeId),
    ...opt('controllerId', form.controllerId),
    controlled: form.controlled || Boolean(form.controllerId),
    confidential: form.confidential,
    accessList: form.confidential ? form.accessList : [],
    ...date('dueDate', form.dueDate),
    ...date('documentDate', form.documentDate),
    ...(mode === 'create' ? opt('journalId', form.journalId) : {}),
  };

  if (kind === 'incoming') {
    const sender = senderOf(form);
    if (form.senderKind === 'organization') {
      if (!form.counterpartId) errors['sender.counterpartId'] = t('validation.required');
    } else {
      required('sender.name', form.senderName);
      if (form.fin.trim() && !FIN.test(form.fin.trim())) errors['sender.fin'] = t('doc.sender.finFormat');
      if (form.email.trim() && !EMAIL.test(form.email.trim())) errors['sender.email'] = t('validation.email');
    }
    const pages = form.pageCount.trim();
    if (pages && !/^\d{1,6}$/.test(pages)) errors.pageCount = t('doc.form.pageCountFormat');
    Object.assign(body, {
      ...(sender ? { sender } : {}),
      ...opt('documentNumber', form.documentNumber),
      ...opt('routeTemplateId', form.routeTemplateId),
      ...opt('physicalFormId', form.physicalFormId),
      ...(pages && /^\d{1,6}$/.test(pages) && Number(pages) > 0 ? { pageCount: Number(pages) } : {}),
      distribution: form.distribution,
      ...(mode === 'create' ? opt('repeatOf', form.repeatOf) : {}),
    });
  }
  if (kind === 'outgoing') {
    required('signatoryId', form.signatoryId);
    const recipients = form.recipients
      .filter((r) => r.counterpartId || r.name.trim() || r.email.trim() || r.contactPerson.trim())
      .map((r) => ({
        ...opt('counterpartId', r.counterpartId),
        ...opt('name', r.name),
        ...opt('email', r.email),
        ...opt('contactPerson', r.contactPerson),
      }));
    form.recipients.forEach((r, i) => {
      if (r.email.trim() && !EMAIL.test(r.email.trim()))
        errors[`recipients.${i}.email`] = t('validation.email');
      if (!r.counterpartId && !r.name.trim() && (r.email.trim() || r.contactPerson.trim()))
        errors[`recipients.${i}.name`] = t('doc.recipients.nameOrCounterpart');
    });
    if (recipients.length === 0) errors.recipients = t('doc.recipients.atLeastOne');
    const receiptDays = parseReceiptDays(form.receiptDays);
    if (receiptDays.error) errors.receiptDays = t('exchange.receiptDays.format');
    Object.assign(body, {
      ...opt('signatoryId', form.signatoryId),
      ...opt('content', form.content),
      recipients,
      ...(receiptDays.value ? { receiptDays: receiptDays.value } : {}),
      ...(mode === 'create' && links.inReplyTo ? { inReplyTo: links.inReplyTo } : {}),
    });
  }
  if (kind === 'internal') {
    Object.assign(body, {
      ...opt('signatoryId', form.signatoryId),
      ...opt('executionCharacter', form.executionCharacter),
      ...opt('extraInfo', form.extraInfo),
      ...(mode === 'create' && links.answersId ? { answersId: links.answersId } : {}),
    });
  }
  if (kind === 'order') {
    required('category', form.category);
    Object.assign(body, { category: form.category, ...opt('signatoryId', form.signatoryId) });
  }
  return { body, errors };
}
