import { describe, expect, it } from 'vitest';
import { socialAssistanceDefinition } from '../../../functions/modules/eservices';
import {
  PUBLISHED,
  publishedSummary,
  servicePlacement,
  versionId,
  versionPlacement,
  type EService,
} from '../../../functions/modules/eservices/usecases/records';
import { meta } from '../../support/builders';

const definition = socialAssistanceDefinition({ routeTemplateId: 'r' });
const entry = {
  serviceCode: definition.code,
  version: 12,
  state: 'published' as const,
  definition,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-02T00:00:00.000Z',
  publishedAt: '2026-03-02T00:00:00.000Z',
};

describe('how e-services are stored', () => {
  it('lists only published services under the catalogue’s key, by code', () => {
    const service: EService = {
      ...meta('s1'),
      code: 'aid',
      name: definition.name,
      latestVersion: 1,
      draftVersion: 1,
    };
    expect(servicePlacement(service)).toEqual({ parentKey: 'unpublished', sortKey: 'aid' });
    expect(servicePlacement({ ...service, published: publishedSummary(entry) })).toEqual({
      parentKey: PUBLISHED,
      sortKey: 'aid',
    });
  });

  it('keeps versions under their service, in number order', () => {
    const record = { ...meta(versionId('s1', 12)), serviceId: 's1', entry };
    expect(versionPlacement(record)).toEqual({ parentKey: 's1', sortKey: '000012' });
    expect(versionPlacement({ ...record, entry: { ...entry, version: 9 } }).sortKey < '000012').toBe(true);
  });

  it('summarizes a published version for the list: names, variants, group size', () => {
    expect(publishedSummary(entry)).toEqual({
      version: 12,
      publishedAt: entry.publishedAt,
      name: definition.name,
      description: definition.description,
      variants: definition.variants,
      maxApplicants: 1,
    });
  });
});
