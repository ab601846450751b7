/**
 * The request and answer schemas of the e-services admin API and the public catalogue. A
 * definition is parsed by `serviceDefinition` (definition.schema.ts), which runs the domain's
 * `definitionProblems`: a definition whose parts do not fit together is a 422 before anything is
 * written.
 */
import * as z from 'zod';
import { listQuery, meta, pageOf, versioned } from '../../../platform/http/common.schema';
import { SERVICE_CODE } from '../domain/definition';
import { formField, serviceCode, serviceDefinition, trilingual, variant } from './definition.schema';

const instant = z.iso.datetime();

export const serviceCodeParam = z.object({ code: serviceCode }).strict();

/**
 * An agency as the public API names it: its tenant key — the same key as in its intake address
 * (`<key>@…`) and its tokens' tenant claim, e.g. `demo1`.
 */
export const agencyKey = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/)
  .meta({ description: 'The agency’s key (its tenant key, as in its intake address)', example: 'demo1' });

export const agencyParam = z.object({ agency: agencyKey }).strict();
export const catalogueServiceParam = z
  .object({ agency: agencyKey, code: z.string().min(2).max(64).regex(SERVICE_CODE) })
  .strict();

export const serviceListQuery = listQuery;

export const createServiceBody = serviceDefinition;
export const updateDraftBody = z.object({ ...versioned, definition: serviceDefinition }).strict();
export const publishBody = z.object({ ...versioned }).strict();
export const startDraftBody = z.object({ ...versioned, definition: serviceDefinition.optional() }).strict();

const publishedSummary = z.object({
  version: z.int().positive(),
  publishedAt: instant,
  name: trilingual(200),
  description: trilingual(2000),
  variants: z.array(variant).max(10),
  maxApplicants: z.int().min(1).max(50),
});

export const eService = z
  .object({
    ...meta,
    code: serviceCode,
    name: trilingual(200),
    draftVersion: z.int().positive().optional(),
    latestVersion: z.int().positive(),
    published: publishedSummary.optional(),
  })
  .meta({
    id: 'EService',
    description: 'An agency’s e-service: which version is the draft, the newest published',
  });

export const serviceVersion = z
  .object({
    serviceCode,
    version: z.int().positive(),
    state: z.enum(['draft', 'published']),
    definition: serviceDefinition,
    createdAt: instant,
    updatedAt: instant,
    publishedAt: instant.optional(),
  })
  .meta({ id: 'EServiceVersion' });

export const eServiceWithVersions = eService
  .extend({ versions: z.array(serviceVersion).max(1000) })
  .meta({ id: 'EServiceWithVersions' });

export const servicePage = pageOf(eService);

export const catalogueEntry = z
  .object({ agency: agencyKey, code: serviceCode, ...publishedSummary.shape })
  .meta({
    id: 'CatalogueEntry',
    description: 'A published e-service: its newest published version’s names, variants and fees',
  });

export const catalogueService = catalogueEntry
  .extend({
    form: z.object({ common: z.array(formField).max(50), applicant: z.array(formField).max(80) }),
    referenceOptions: z
      .record(
        z.string().max(64),
        z
          .array(
            z.object({
              code: z.string().max(200),
              label: z.object({
                az: z.string().max(1000),
                en: z.string().max(1000),
                ru: z.string().max(1000),
              }),
            }),
          )
          .max(1000),
      )
      .meta({
        description:
          'The options of each reference list the form’s choices name (by list): the agency’s active items, by the code the submit accepts',
      }),
    lookupField: z.string().max(40).meta({
      description: 'The applicant’s field (passport number or FİN) asked for with the application number',
    }),
    confirmEmailWithinMinutes: z.int().min(1).max(1440).optional(),
  })
  .meta({ id: 'CatalogueService', description: 'A published e-service with its application form' });

export const cataloguePage = pageOf(catalogueEntry);
