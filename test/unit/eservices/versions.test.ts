import { describe, expect, it } from 'vitest';
import {
  currentVersion,
  publishDraft,
  reviseDraft,
  startDraft,
  versionOfApplication,
  type ServiceVersion,
} from '../../../functions/modules/eservices';
import { BusinessRuleError, ConflictError } from '../../../functions/platform/kernel/errors';
import { definitionWith, tri } from './builders';

const v1Definition = definitionWith([]);
const v2Definition = { ...v1Definition, name: tri('Test service, second edition') };

describe('service versions', () => {
  it('starts version 1 as a draft that the catalogue does not show', () => {
    // Arrange
    const none: ServiceVersion[] = [];

    // Act
    const draft = startDraft(none, v1Definition, '2027-01-10T08:00:00Z');

    // Assert
    expect(draft).toEqual({
      serviceCode: 'test-service',
      version: 1,
      state: 'draft',
      definition: v1Definition,
      createdAt: '2027-01-10T08:00:00Z',
      updatedAt: '2027-01-10T08:00:00Z',
    });
    expect(currentVersion([draft])).toBeUndefined();
  });

  it('publishes a draft: it becomes the current version and can no longer change', () => {
    // Arrange
    const draft = reviseDraft(
      startDraft([], v1Definition, '2027-01-10T08:00:00Z'),
      v2Definition,
      '2027-01-10T09:00:00Z',
    );

    // Act
    const published = publishDraft(draft, '2027-01-11T08:00:00Z');

    // Assert
    expect(published).toMatchObject({
      version: 1,
      state: 'published',
      publishedAt: '2027-01-11T08:00:00Z',
      definition: v2Definition,
    });
    expect(currentVersion([published])).toBe(published);
    expect(() => reviseDraft(published, v1Definition, '2027-01-12T08:00:00Z')).toThrow(ConflictError);
    expect(() => publishDraft(published, '2027-01-12T08:00:00Z')).toThrow(
      expect.objectContaining({ code: 'service_version_published' }),
    );
  });

  it('a new version is a new draft; publishing it leaves running applications on theirs', () => {
    // Arrange
    const v1 = publishDraft(startDraft([], v1Definition, '2027-01-10T08:00:00Z'), '2027-01-11T08:00:00Z');
    const v2draft = startDraft([v1], v2Definition, '2027-02-01T08:00:00Z');

    // Act
    const beforePublishing = currentVersion([v1, v2draft]);
    const v2 = publishDraft(v2draft, '2027-02-02T08:00:00Z');
    const versions = [v1, v2];

    // Assert
    expect(v2draft.version).toBe(2);
    expect(beforePublishing).toBe(v1);
    expect(currentVersion(versions)).toBe(v2);
    expect(versionOfApplication(versions, 1)?.definition).toBe(v1Definition);
    expect(versionOfApplication([v1, v2draft], 2)).toBeUndefined();
    expect(versionOfApplication(versions, 3)).toBeUndefined();
  });

  it('allows one draft at a time and never a change of the service code', () => {
    // Arrange
    const draft = startDraft([], v1Definition, '2027-01-10T08:00:00Z');
    const renamed = { ...v1Definition, code: 'other-service' };

    // Act
    const second = () => startDraft([draft], v2Definition, '2027-01-11T08:00:00Z');
    const revised = () => reviseDraft(draft, renamed, '2027-01-11T08:00:00Z');
    const next = () =>
      startDraft([publishDraft(draft, '2027-01-11T08:00:00Z')], renamed, '2027-01-12T08:00:00Z');

    // Assert
    expect(second).toThrow(expect.objectContaining({ code: 'service_draft_exists' }));
    expect(revised).toThrow(BusinessRuleError);
    expect(next).toThrow(expect.objectContaining({ code: 'service_code_mismatch' }));
  });
});
