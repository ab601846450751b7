/**
 * The request and answer schemas of the agency's side of applications (issue 15, item 3): a
 * service's applications, one application, the officer's decisions per applicant.
 */
import * as z from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/common.schema';
import { serviceCode, trilingual } from './definition.schema';

const instant = z.iso.datetime();
const short = (max: number) => z.string().max(max);

export const applicationNumberParam = z
  .object({
    number: z
      .string()
      .min(15)
      .max(40)
      .meta({ description: 'The application number', example: '7K3M-9QX2-HT4B-W8RC' }),
  })
  .strict();
export const serviceApplicationsParam = z.object({ code: serviceCode }).strict();
const states = ['awaiting-confirmation', 'awaiting-payment', 'in-review', 'decided', 'cancelled'] as const;

/** The officer's filter row: all given filters must hold (see officer.usecase.ts, `matchesFilter`). */
export const applicationListQuery = listQuery
  .extend({
    state: z.enum(states).optional(),
    q: z.string().trim().min(1).max(100).optional().meta({
      description:
        'Part of the application or registration number or of an applicant’s name, or a value of an applicant (passport number, FİN) as written',
    }),
    submittedFrom: isoDate.optional().meta({ description: 'Submitted on or after this day (Baku)' }),
    submittedTo: isoDate.optional().meta({ description: 'Submitted on or before this day (Baku)' }),
    overdue: z.enum(['true']).optional().meta({ description: 'Only those past their service level' }),
  })
  .strict();

export const decisionsBody = z
  .object({
    ...versioned,
    decisions: z
      .array(
        z
          .object({
            applicant: z.int().min(0).max(49),
            outcome: z.enum(['approved', 'refused']),
            /** Why refused, in the officer's words (shown to the applicant as written). */
            reason: z.string().trim().max(2000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

const level = z.object({
  startedAt: instant,
  dueAt: instant,
  lastDay: short(10).meta({ description: 'The last day (dd.MM.yyyy, Baku)' }),
  overdue: z.boolean(),
  minutesLeft: z.int(),
});

const routeOutcome = z.object({
  outcome: z.enum(['approved', 'rejected']),
  at: instant,
  comment: short(4000).optional(),
});

export const applicationSummary = z
  .object({
    number: short(40),
    version: z.int().positive(),
    serviceCode,
    serviceVersion: z.int().positive(),
    variant: short(40),
    state: z.enum(states),
    submittedAt: instant,
    applicants: z.array(short(400)).max(50),
    registrationNumber: short(100).optional(),
    level: level.optional(),
    routeOutcome: routeOutcome.optional(),
  })
  .meta({ id: 'EServiceApplicationSummary', description: 'An application in the agency’s list' });

export const applicationPage = pageOf(applicationSummary);

const values = z.record(short(40), z.unknown());

export const applicationView = z
  .object({
    ...applicationSummary.shape,
    language: z.enum(['az', 'en', 'ru']),
    values: z.object({ variant: short(40), common: values, applicants: z.array(values).max(50) }),
    contact: z.object({ email: short(254).optional(), phone: short(20).optional() }),
    scans: z
      .array(
        z.object({
          path: short(200),
          name: short(300),
          mediaType: short(100),
          bytes: z.int().min(0),
          url: short(4000).optional(),
        }),
      )
      .max(500),
    checks: z
      .array(
        z.object({
          applicant: z.int().min(0),
          ok: z.boolean(),
          problems: z.array(z.object({ code: short(60), message: trilingual(1000) })).max(50),
        }),
      )
      .max(50),
    decisions: z
      .array(
        z.object({
          applicant: z.int().min(0),
          outcome: z.enum(['approved', 'refused']),
          reason: short(4000).optional(),
          decidedAt: instant,
          decidedBy: short(100),
        }),
      )
      .max(50),
    log: z
      .array(
        z.object({
          at: instant,
          event: short(60),
          actor: short(100),
          detail: z.record(short(60), z.union([short(2000), z.number(), z.boolean()])).optional(),
        }),
      )
      .max(1000),
    documentId: short(100).optional(),
    actions: z.array(z.enum(['decide'])).max(1),
  })
  .meta({
    id: 'EServiceApplication',
    description:
      'An application as the agency sees it: values, scan links, checks, the service level, log, decisions',
  });
