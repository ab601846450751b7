/**
 * Item 8 of issue 15: an application is registered in the agency's journal as an incoming document
 * of the citizen kind — the applicants as the citizen sender, the application number as the
 * sender's number, the submission's Baku date as the sender's date, the service's classification,
 * document type and journal when its definition names them (otherwise the agency's journal rules
 * choose, as for any citizen's appeal), the definition's route template — and the uploaded scans
 * become the document's files. The system registers it as the registry office would.
 *
 * Retries make one document: the creation carries a fixed idempotency key per application (the
 * documents' store claims it with the document), and each scan's content id is derived from the
 * application and the upload, so a scan already copied is not added again.
 */
import type { Actor } from '../../../../platform/kernel/aggregate';
import { nameUuid, sha256Hex } from '../../../../platform/kernel/hashing';
import {
  addStoredContents,
  createDocument,
  retryOnStale,
  type DocumentRecord,
  type StoredFile,
} from '../../../documents';
import type { FormField, ServiceDefinition } from '../../domain/definition';
import { bakuDate } from '../../domain/time';
import type { FieldValue, FileRef } from '../../domain/values';
import type { ApplicationReviewDeps } from '../../ports';
import { applicationKeys, type ApplicationRecord } from '../application-records';

/** The creation's idempotency key: one document per application, whatever the retries. */
export const registrationKey = (app: Pick<ApplicationRecord, 'tenantId' | 'id'>) => ({
  key: `eservice-application:${app.id}`,
  requestHash: sha256Hex(`${app.tenantId}/${app.id}`),
});

const isFileRef = (v: unknown): v is FileRef =>
  typeof v === 'object' && v !== null && typeof (v as FileRef).ref === 'string';

/** Every scan of the application with the path of its field, in the form's order. */
export function scansOf(app: Pick<ApplicationRecord, 'values'>): Array<{ path: string; file: FileRef }> {
  const out: Array<{ path: string; file: FileRef }> = [];
  const walk = (value: FieldValue | undefined, path: string) => {
    if (!Array.isArray(value)) return;
    (value as readonly unknown[]).forEach((item, i) => {
      if (isFileRef(item)) out.push({ path: `${path}[${i}]`, file: item });
      else if (typeof item === 'object' && item !== null)
        for (const [k, v] of Object.entries(item as Record<string, FieldValue>))
          walk(v, `${path}[${i}].${k}`);
    });
  };
  for (const [k, v] of Object.entries(app.values.common)) walk(v, `common.${k}`);
  app.values.applicants.forEach((a, i) => {
    for (const [k, v] of Object.entries(a)) walk(v, `applicants[${i}].${k}`);
  });
  return out;
}

const text = (v: FieldValue | undefined) => (typeof v === 'string' ? v : undefined);

/** An applicant's name as the form has it (surname, given names or name, patronymic). */
export function applicantName(app: Pick<ApplicationRecord, 'values'>, i: number): string {
  const a = app.values.applicants[i] ?? {};
  const parts = [text(a.surname), text(a.givenNames) ?? text(a.name), text(a.patronymic)];
  const name = parts.filter((p): p is string => !!p).join(' ');
  return name || `#${i + 1}`;
}

const fieldOf = (def: ServiceDefinition, code: string): FormField | undefined =>
  def.form.applicant.find((f) => f.code === code);

/** The applicants as the citizen sender: their names, the FİN of a single applicant, the contacts. */
function citizenSender(app: ApplicationRecord, def: ServiceDefinition) {
  const names = app.values.applicants.map((_, i) => applicantName(app, i));
  const lookup = fieldOf(def, def.lookup.field);
  const fin =
    lookup?.type === 'fin' && app.values.applicants.length === 1
      ? text(app.values.applicants[0]?.[lookup.code])
      : undefined;
  const phone = app.contact.phone;
  return {
    kind: 'citizen' as const,
    name: names.join(', ').slice(0, 200),
    ...(fin && /^[0-9A-Z]{7}$/.test(fin) ? { fin } : {}),
    ...(app.contact.email ? { email: app.contact.email } : {}),
    ...(phone && /^\+?[0-9 ()-]{7,20}$/.test(phone) ? { phone } : {}),
  };
}

/** The scans not yet among the document's files are copied to it (one commit). */
function withScans(
  deps: ApplicationReviewDeps,
  actor: Actor,
  app: ApplicationRecord,
  doc: DocumentRecord,
): Promise<DocumentRecord> {
  const files = scansOf(app).map(({ path, file }): StoredFile => ({
    id: nameUuid(`${app.id}/${file.ref}`),
    fileName: file.name,
    contentType: file.mediaType,
    read: async () =>
      deps.objects?.get({ bucket: 'attachments', key: applicationKeys.upload(app.tenantId, file.ref) }),
    missing: { path },
  }));
  return addStoredContents(deps, actor, doc, files, 'e-service');
}

/** The application's incoming document (made once) with its scans as files. */
export async function registerApplication(
  deps: ApplicationReviewDeps,
  actor: Actor,
  app: ApplicationRecord,
  def: ServiceDefinition,
): Promise<DocumentRecord> {
  const registration = def.registration ?? {};
  const created = await createDocument(
    deps,
    actor,
    'incoming',
    {
      summary: `${def.name.az}: ${app.id}`.slice(0, 2000),
      note: `${def.code} / ${app.values.variant} / v${app.serviceVersion}`.slice(0, 4000),
      documentNumber: app.id,
      documentDate: bakuDate(app.submittedAt),
      sender: citizenSender(app, def),
      routeTemplateId: def.route.templateId,
      ...(registration.classificationId ? { classificationId: registration.classificationId } : {}),
      ...(registration.documentTypeId ? { documentTypeId: registration.documentTypeId } : {}),
      ...(registration.journalId ? { journalId: registration.journalId } : {}),
      controlled: false,
      confidential: false,
      accessList: [],
      distribution: [],
    },
    registrationKey(app),
  );
  return retryOnStale(3, async () =>
    withScans(deps, actor, app, (await deps.documents.get(app.tenantId, created.id)) ?? created),
  );
}
