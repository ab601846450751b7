/**
 * The results of a decided application (the machine's `Issue` state, task `applicationIssue`): for
 * an application in review whose route has ended and that has a decision for every applicant,
 * each approved e-visa applicant gets the e-visa PDF (signed QR code, a visa number), every other
 * decision — a refusal, or any decision of a service whose result is a letter — a decision letter
 * in the application's language. Each result is stored at `applicationKeys.result`, recorded on
 * its decision; the application becomes `decided`.
 *
 * Idempotent and crash-safe, step by step:
 * 1. the visa numbers are written onto the record with the counter in one transaction
 *    (visa-numbers.ts) before any PDF is made, so every retry prints the same numbers;
 * 2. each PDF is a write-once put at its fixed key: a retry after a crash between the put and the
 *    record's write finds the object there and keeps the stored one (its version id);
 * 3. the record's last write (results, state, log) is one optimistic update; an application
 *    already `decided` is answered as it is.
 * An ECDSA signature differs from one signing to the next, but only the first stored PDF of a
 * key is ever kept, so an applicant never has two visas.
 */
import { ConflictError } from '../../../../platform/kernel/errors';
import { putAttachmentOnce } from '../../../../platform/ports/object-store.port';
import type { Tenant } from '../../../org';
import type { ServiceDefinition } from '../../domain/definition';
import type { FieldValues } from '../../domain/values';
import type { ResultsDeps } from '../../ports';
import {
  APPLICATION,
  applicationKeys,
  applicationPlacement,
  type ApplicantDecision,
  type ApplicationLogEntry,
  type ApplicationRecord,
} from '../application-records';
import { ESERVICE_VERSION, versionId, type EServiceVersionRecord } from '../records';
import { issueVisaDocument, type VisaHolder } from '../visa-document';
import { renderDecisionLetter } from './decision-letter';
import { reserveVisaNumbers } from './visa-numbers';

export interface IssueInput {
  tenantId: string;
  applicationId: string;
}

export interface IssueOutcome {
  state: 'decided';
  /** Results issued by this run (0 when an earlier run had issued them all). */
  issued: number;
  results: Array<{ applicant: number; kind: 'e-visa' | 'decision-letter'; key: string; number?: string }>;
}

type Result = NonNullable<ApplicantDecision['result']>;

const PDF = 'application/pdf';
const ATTEMPTS = 8;

/** Why an application cannot have its results yet (the machine asks only when it can). */
export function notReadyReason(record: ApplicationRecord): string | undefined {
  if (record.state !== 'in-review') return `it is ${record.state}`;
  if (!record.routeOutcome) return 'its route has not ended';
  const decided = new Set((record.decisions ?? []).map((d) => d.applicant));
  const missing = record.values.applicants.map((_, i) => i).filter((i) => !decided.has(i));
  return missing.length > 0
    ? `applicants ${missing.map((i) => i + 1).join(', ')} have no decision`
    : undefined;
}

/** What the result of a decision is: the e-visa for an approved e-visa applicant, else a letter. */
export function resultKindOf(
  definition: ServiceDefinition,
  decision: ApplicantDecision,
): 'e-visa' | 'decision-letter' {
  return definition.result.kind === 'e-visa' && decision.outcome === 'approved'
    ? 'e-visa'
    : 'decision-letter';
}

const text = (values: FieldValues, code: string): string | undefined => {
  const v = values[code];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/** The applicant's name as the form gives it (passport names, or surname, name and patronymic). */
export function applicantName(values: FieldValues, index: number): string {
  const given = text(values, 'givenNames');
  if (given !== undefined) return [given, text(values, 'surname')].filter(Boolean).join(' ');
  const parts = [text(values, 'surname'), text(values, 'name'), text(values, 'patronymic')].filter(
    (p): p is string => p !== undefined,
  );
  if (parts.length > 0) return parts.join(' ');
  return text(values, 'fullName') ?? `#${index + 1}`;
}

/** The holder of an e-visa from the applicant's values (the e-visa form's fields). */
export function visaHolder(values: FieldValues): VisaHolder {
  const need = (code: string): string => {
    const v = text(values, code);
    if (v === undefined) throw new Error(`the applicant has no ${code}: no e-visa can be printed`);
    return v;
  };
  return {
    surname: need('surname'),
    givenNames: text(values, 'givenNames') ?? '',
    birthDate: need('birthDate'),
    nationality: need('nationality'),
    passportNumber: need('passportNumber'),
  };
}

const refusalText = (record: ApplicationRecord): string | undefined =>
  typeof record.refusal === 'string' ? record.refusal : record.refusal?.[record.language];

/** Issues every result of a decided application, at most once each (see the module's comment). */
export async function issueResults(deps: ResultsDeps, input: IssueInput): Promise<IssueOutcome> {
  const first = await deps.store.get<ApplicationRecord>(APPLICATION, input.tenantId, input.applicationId);
  if (!first) throw new Error(`application ${input.applicationId} not found`);
  let record: ApplicationRecord = first;
  if (record.state === 'decided') return { state: 'decided', issued: 0, results: resultsOf(record) };
  const notReady = notReadyReason(record);
  if (notReady) throw new Error(`application ${record.id} cannot have its results: ${notReady}`);

  const version = await deps.store.get<EServiceVersionRecord>(
    ESERVICE_VERSION,
    record.tenantId,
    versionId(record.serviceId, record.serviceVersion),
  );
  if (!version) throw new Error(`service version ${record.serviceId}:${record.serviceVersion} not found`);
  const definition = version.entry.definition;
  const tenant = await deps.store.get<Tenant>('tenant', record.tenantId, record.tenantId);
  const agencyName = {
    az: tenant?.name.az ?? record.tenantId,
    en: tenant?.name.en || tenant?.name.az || record.tenantId,
    ru: tenant?.name.ru || tenant?.name.az || record.tenantId,
  };
  const decisions = [...(record.decisions ?? [])].sort((a, b) => a.applicant - b.applicant);

  const visas = decisions.filter((d) => !d.result && resultKindOf(definition, d) === 'e-visa');
  if (visas.length > 0) {
    record = await reserveVisaNumbers(
      deps,
      record.tenantId,
      record.id,
      visas.map((d) => ({ applicant: d.applicant, decidedAt: d.decidedAt })),
    );
    if (record.state === 'decided') return { state: 'decided', issued: 0, results: resultsOf(record) };
  }
  const numbers = new Map((record.visaNumbers ?? []).map((v) => [v.applicant, v.number]));

  const made = new Map<number, Result>();
  for (const decision of decisions) {
    if (decision.result) continue;
    const i = decision.applicant;
    const values = record.values.applicants[i] ?? {};
    const key = applicationKeys.result(record.tenantId, record.id, i);
    if (resultKindOf(definition, decision) === 'e-visa') {
      const number = numbers.get(i);
      if (!number) throw new Error(`applicant ${i + 1} has no visa number`);
      const arrivalDate = text(values, 'arrivalDate') ?? text(record.values.common, 'arrivalDate');
      if (!arrivalDate) throw new Error(`applicant ${i + 1} has no arrival date: no e-visa can be printed`);
      const issued = await issueVisaDocument(deps.visaSigner, {
        visaNumber: number,
        holder: visaHolder(values),
        arrivalDate,
        decidedAt: decision.decidedAt,
        agency: { key: record.tenantId, name: { az: agencyName.az, en: agencyName.en } },
      });
      const versionId = await putAttachmentOnce(deps.objects, key, issued.pdf, PDF);
      made.set(i, {
        key,
        ...(versionId ? { versionId } : {}),
        fileName: `e-visa-${number}.pdf`,
        mediaType: PDF,
        number,
      });
    } else {
      const reason = decision.outcome === 'refused' ? (decision.reason ?? refusalText(record)) : undefined;
      const pdf = await renderDecisionLetter({
        language: record.language,
        applicationNumber: record.id,
        ...(record.registrationNumber ? { registrationNumber: record.registrationNumber } : {}),
        serviceName: definition.name[record.language],
        applicantName: applicantName(values, i),
        applicantNo: i + 1,
        applicants: record.values.applicants.length,
        outcome: decision.outcome,
        ...(reason ? { reason } : {}),
        decidedAt: decision.decidedAt,
        agencyName: agencyName[record.language],
      });
      const versionId = await putAttachmentOnce(deps.objects, key, pdf, PDF);
      made.set(i, {
        key,
        ...(versionId ? { versionId } : {}),
        fileName: `decision-${record.id}-${i + 1}.pdf`,
        mediaType: PDF,
      });
    }
  }

  // The record's last write: the results on their decisions, the state, the log.
  for (let attempt = 1; ; attempt++) {
    if (record.state === 'decided') return { state: 'decided', issued: 0, results: resultsOf(record) };
    const now = deps.clock.now().toISOString();
    const log: ApplicationLogEntry[] = [];
    const next = (record.decisions ?? []).map((d) => {
      const result = d.result ?? made.get(d.applicant);
      if (!d.result && result) {
        log.push({
          at: now,
          event: 'result-issued',
          actor: 'system',
          detail: {
            applicant: d.applicant,
            kind: resultKindOf(definition, d),
            outcome: d.outcome,
            ...(result.number ? { number: result.number } : {}),
          },
        });
      }
      return result ? { ...d, result } : d;
    });
    const missing = next.filter((d) => !d.result).map((d) => d.applicant + 1);
    if (missing.length > 0) throw new Error(`applicants ${missing.join(', ')} have no result`);
    const updated: ApplicationRecord = {
      ...record,
      updatedAt: now,
      decisions: next,
      state: 'decided',
      decidedAt: now,
      log: [...record.log, ...log],
    };
    try {
      const stored = await deps.store.update(APPLICATION, updated, record.version, {
        actorId: 'system',
        ...applicationPlacement(record),
      });
      return { state: 'decided', issued: log.length, results: resultsOf(stored) };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
      const again: ApplicationRecord | undefined = await deps.store.get<ApplicationRecord>(
        APPLICATION,
        record.tenantId,
        record.id,
      );
      if (!again) throw error;
      record = again;
    }
  }
}

function resultsOf(record: ApplicationRecord): IssueOutcome['results'] {
  const numbers = new Map((record.visaNumbers ?? []).map((v) => [v.applicant, v.number]));
  return (record.decisions ?? []).flatMap((d) =>
    d.result
      ? [
          {
            applicant: d.applicant,
            kind:
              d.result.number && numbers.get(d.applicant) === d.result.number ? 'e-visa' : 'decision-letter',
            key: d.result.key,
            ...(d.result.number ? { number: d.result.number } : {}),
          } as const,
        ]
      : [],
  );
}
