/**
 * A citizen's application, submitted without a login. The form is validated against the newest
 * published version (every field error at once, in the three languages), the files it names are
 * checked against the stored uploads, and the application is created under a fresh random number
 * with its uploads claimed (a ref serves one application only) and the client's Idempotency-Key
 * (a retry answers the same application). Then its receipt is stored and its machine started.
 */
import { BadRequestError, BusinessRuleError, ConflictError } from '../../../../platform/kernel/errors';
import { validateApplication } from '../../domain/application';
import { applicationNumberFrom, APPLICATION_NUMBER_RANDOM_BYTES } from '../../domain/application-number';
import { applicationFee } from '../../domain/service-level';
import type { PublicApplicationDeps } from '../../ports';
import {
  APPLICATION,
  applicationPlacement,
  type ApplicationLanguage,
  type ApplicationRecord,
  type ApplicationState,
} from '../application-records';
import { checkFiles, filesOf, uploadClaim } from './files';
import { ensureApplicationMachine } from './machine';
import { definitionOf, publishedService, referenceListCodes } from './published';
import { ensureReceipt, receiptUrl, recordReceipt } from './receipt';
import { formIssue, uploadIssue } from './texts';
import { random } from './uploads.usecase';

export interface SubmitInput {
  language: ApplicationLanguage;
  variant: string;
  common: Record<string, unknown>;
  applicants: Array<Record<string, unknown>>;
}

export interface SubmitAnswer {
  number: string;
  state: ApplicationState;
  submittedAt: string;
  /** A short-lived link to the receipt PDF. */
  receiptUrl: string;
  /** When the contact e-mail must be confirmed by (the confirmation window's end). */
  confirmBy?: string;
  fee: { amount: number; currency: string };
}

/** Draws of a number before giving up (a collision of 75 random bits is next to impossible). */
const ATTEMPTS = 5;

const invalid = (issues: ConstructorParameters<typeof BusinessRuleError>[3]) =>
  new BusinessRuleError('validation_failed', 'The application is not valid', {}, issues);

export async function submitApplication(
  deps: PublicApplicationDeps,
  agency: string,
  code: string,
  input: SubmitInput,
  idempotency: { key: string; requestHash: string } | undefined,
): Promise<SubmitAnswer> {
  if (!idempotency) throw new BadRequestError([{ path: 'Idempotency-Key', code: 'required' }]);
  const earlier = await deps.store.replayOf<ApplicationRecord>(agency, idempotency);
  if (earlier) return answer(deps, earlier);

  const { service, version, definition } = await publishedService(deps, agency, code);
  const at = deps.clock.now().toISOString();
  const validation = validateApplication(
    definition,
    { variant: input.variant, common: input.common, applicants: input.applicants },
    { at, referenceLists: await referenceListCodes(deps, agency, definition) },
  );
  if (!validation.ok) throw invalid(validation.errors.map(formIssue));
  const values = validation.values;
  const files = filesOf(values);
  const stored = await checkFiles(deps, agency, files);
  if (!stored.ok) throw invalid(stored.issues);

  const variant = definition.variants.find((v) => v.code === values.variant)!;
  const fee = applicationFee(variant.fee, values.applicants.length);
  const email = definition.contact.email ? values.common[definition.contact.email] : undefined;
  const phone = definition.contact.phone ? values.common[definition.contact.phone] : undefined;
  const minutes = definition.contact.confirmEmailWithinMinutes;
  const confirms = minutes !== undefined && typeof email === 'string';
  const state: ApplicationState = confirms
    ? 'awaiting-confirmation'
    : fee.amount > 0
      ? 'awaiting-payment'
      : 'in-review';
  const base: Omit<ApplicationRecord, 'id'> = {
    tenantId: agency,
    version: 1,
    createdAt: at,
    updatedAt: at,
    serviceId: service.id,
    serviceCode: service.code,
    serviceVersion: version,
    language: input.language,
    values,
    contact: {
      ...(typeof email === 'string' ? { email } : {}),
      ...(typeof phone === 'string' ? { phone } : {}),
    },
    secondFactors: values.applicants.map((a) => String(a[definition.lookup.field] ?? '')),
    fee,
    state,
    submittedAt: at,
    ...(confirms
      ? {
          confirmation: {
            token: Buffer.from(random(deps, 32)).toString('base64url'),
            dueAt: new Date(Date.parse(at) + minutes * 60_000).toISOString(),
          },
        }
      : {}),
    notices: [],
    ...(stored.uploads.length > 0 ? { uploads: stored.uploads } : {}),
    log: [
      {
        at,
        event: 'submitted',
        actor: 'applicant',
        detail: { variant: values.variant, applicants: values.applicants.length, serviceVersion: version },
      },
    ],
  };

  let created: ApplicationRecord | undefined;
  for (let attempt = 0; attempt < ATTEMPTS && !created; attempt += 1) {
    const id = applicationNumberFrom(random(deps, APPLICATION_NUMBER_RANDOM_BYTES));
    const record: ApplicationRecord = { ...base, id };
    try {
      created = (
        await deps.store.create<ApplicationRecord>(APPLICATION, record, {
          actorId: 'applicant',
          claim: stored.uploads.map((u) => uploadClaim(u.ref)),
          idempotency,
          ...applicationPlacement(record),
        })
      ).item;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // The same request at the same time (a double click, a retry): it made the application.
      const replay = await deps.store.replayOf<ApplicationRecord>(agency, idempotency);
      if (replay) return answer(deps, replay);
      if (error.code === 'duplicate_value') {
        const taken = files.find((f) => f.file.ref === error.params.value);
        throw invalid([uploadIssue(taken?.path ?? 'applicants', 'file_already_used')]);
      }
      // write_conflict: the number was taken (or a concurrent write); draw again.
      if (error.code !== 'write_conflict') throw error;
    }
  }
  if (!created) throw new ConflictError('write_conflict', 'No application number could be drawn; try again');

  try {
    await ensureApplicationMachine(deps, created);
  } catch (error) {
    // Not lost: the table-stream consumer starts the machine of every new application.
    deps.log.warn('application machine not started at submit', {
      tenantId: agency,
      applicationId: created.id,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
  return answer(deps, created);
}

/** The answer to a submit (and to its replays): the receipt made first if it is not there yet. */
async function answer(deps: PublicApplicationDeps, record: ApplicationRecord): Promise<SubmitAnswer> {
  let receipt = record.receipt;
  if (!receipt) {
    const def = await definitionOf(deps, record.tenantId, record.serviceId, record.serviceVersion);
    if (!def)
      throw new Error(`The version ${record.serviceVersion} of service ${record.serviceId} is missing`);
    receipt = await ensureReceipt(deps, record, def);
    await recordReceipt(deps, record, receipt);
  }
  return {
    number: record.id,
    state: record.state,
    submittedAt: record.submittedAt,
    receiptUrl: await receiptUrl(deps, receipt, record.id),
    ...(record.confirmation ? { confirmBy: record.confirmation.dueAt } : {}),
    fee: record.fee,
  };
}
