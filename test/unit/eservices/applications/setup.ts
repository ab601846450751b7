/** An agency with the e-visa and social assistance published, in memory, and helpers to apply. */
import { createHash } from 'node:crypto';
import {
  applicationKeys,
  type ApplicationRecord,
} from '../../../../functions/modules/eservices/usecases/application-records';
import {
  createService,
  publishService,
} from '../../../../functions/modules/eservices/usecases/services.usecase';
import { startUpload } from '../../../../functions/modules/eservices/usecases/applications/uploads.usecase';
import { socialAssistanceDefinition } from '../../../../functions/modules/eservices';
import { actor, meta, TENANT } from '../../../support/builders';
import { routeTemplate } from '../../../support/execution-deps';
import { memoryDeps } from '../../../support/memory-deps';
import { evisa, visitor } from '../builders';

export const SUBMIT_AT = '2027-03-01T10:00:00.000Z';
export const admin = actor('admin', ['admin']);

export async function agency() {
  const deps = { ...memoryDeps(SUBMIT_AT) };
  deps.store.seed('tenant', {
    ...meta(TENANT),
    name: {
      az: 'Dövlət Miqrasiya Xidməti',
      en: 'State Migration Service',
      ru: 'Государственная миграционная служба',
    },
  });
  // The route templates the definitions name (publishing checks them).
  for (const id of ['route-evisa', 'route-social'])
    deps.store.seed('route-template', routeTemplate(id, { kinds: ['incoming'] }));
  for (const def of [evisa(), socialAssistanceDefinition({ routeTemplateId: 'route-social' })]) {
    await createService(deps, admin, def);
    await publishService(deps, admin, def.code, { version: 1 });
  }
  return deps;
}
export type Agency = Awaited<ReturnType<typeof agency>>;

/** Bytes that start like a PDF. */
export const pdfBytes = (seed = 1, size = 2048): Uint8Array => {
  const bytes = new Uint8Array(size);
  bytes.set(Buffer.from('%PDF-1.7\n'));
  for (let i = 9; i < size; i++) bytes[i] = (seed * 31 + i * 7) & 0xff;
  return bytes;
};
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

/** Uploads a scan as a client does: asks for the presigned PUT, then PUTs the bytes. */
export async function uploadScan(deps: Agency, bytes = pdfBytes(), mediaType = 'application/pdf') {
  const { ref } = await startUpload(deps, TENANT, 'e-visa', {
    field: 'passportScan',
    name: 'passport.pdf',
    mediaType,
    bytes: bytes.byteLength,
    sha256: sha256(bytes),
  });
  deps.objects.upload('attachments', applicationKeys.upload(TENANT, ref), bytes, mediaType);
  return { ref, name: 'passport.pdf', mediaType, bytes: bytes.byteLength };
}

/** An e-visa application body for one visitor with an uploaded scan. */
export async function visaBody(deps: Agency, overrides: Record<string, unknown> = {}) {
  const scan = await uploadScan(deps);
  return {
    language: 'en' as const,
    variant: 'standard',
    common: { email: 'tour@example.co.uk', phone: '+44 20 7946 0958' },
    applicants: [visitor({ passportScan: [scan], ...overrides })],
  };
}

export const key = (k: string) => ({ key: `submitApplication:anonymous:${k}`, requestHash: `hash-${k}` });

export const stored = (deps: Agency, number: string) =>
  deps.store.get<ApplicationRecord>('eservice-application', TENANT, number);

/** A social-assistance (VEMTAS) application: free, no e-mail to confirm, looked up by FİN. */
export function socialBody(fin = '5ZK7QH2') {
  return {
    language: 'az' as const,
    variant: 'standard',
    common: { phone: '+994 55 200 30 40', address: 'Sumqayıt, 5-ci mikrorayon, ev 12' },
    applicants: [
      {
        fin,
        surname: 'Quliyev',
        name: 'Elvin',
        patronymic: 'Rəşad oğlu',
        birthDate: '1983-07-20',
        monthlyIncome: 30_000,
        incomeSource: 'salary',
      },
    ],
  };
}
