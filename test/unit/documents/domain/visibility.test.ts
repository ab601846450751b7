import { describe, expect, it } from 'vitest';
import { visibleTo, type Viewer } from '../../../../functions/modules/documents/domain/visibility';

const viewer = (employeeId: string, over: Partial<Viewer> = {}): Viewer => ({
  employeeId,
  seesAll: false,
  actingFor: [],
  headOf: [],
  ...over,
});

/** A lawyer's document: the lawyer's unit is the legal department, under the board. */
const doc = { participants: ['author', 'lawyer'], participantUnits: ['board', 'legal'] };

describe('need-to-know: who sees a document', () => {
  it('participants see it; others of the tenant do not', () => {
    expect(visibleTo(doc, viewer('lawyer'))).toBe(true);
    expect(visibleTo(doc, viewer('dev'))).toBe(false);
  });

  it('the registry and the agency head see every document that is not confidential', () => {
    expect(visibleTo(doc, viewer('clerk', { seesAll: true }))).toBe(true);
    expect(visibleTo({ ...doc, confidential: true }, viewer('clerk', { seesAll: true }))).toBe(false);
  });

  it('the head of a participant’s department, or of one above it, sees it; a head elsewhere does not', () => {
    expect(visibleTo(doc, viewer('legalhead', { headOf: ['legal'] }))).toBe(true);
    expect(visibleTo(doc, viewer('director', { headOf: ['board'] }))).toBe(true);
    expect(visibleTo(doc, viewer('ithead', { headOf: ['it'] }))).toBe(false);
    expect(visibleTo({ participants: ['lawyer'] }, viewer('legalhead', { headOf: ['legal'] }))).toBe(false);
  });

  it('the substitute of a participant sees it while substituting', () => {
    expect(visibleTo(doc, viewer('deputy', { actingFor: ['lawyer'] }))).toBe(true);
    expect(visibleTo(doc, viewer('deputy', { actingFor: ['dev'] }))).toBe(false);
  });

  it('a confidential document: only participants and the people named on its access list', () => {
    const secret = { ...doc, confidential: true, accessList: ['named'] };
    expect(visibleTo(secret, viewer('lawyer'))).toBe(true);
    expect(visibleTo(secret, viewer('named'))).toBe(true);
    expect(visibleTo(secret, viewer('legalhead', { headOf: ['legal'] }))).toBe(false);
    expect(visibleTo(secret, viewer('deputy', { actingFor: ['lawyer'] }))).toBe(false);
    expect(visibleTo(secret, viewer('director', { seesAll: true, headOf: ['board'] }))).toBe(false);
  });
});
