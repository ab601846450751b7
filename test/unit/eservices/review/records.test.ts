import { describe, expect, it } from 'vitest';
import {
  applicationDocumentClaim,
  reviewActor,
} from '../../../../functions/modules/eservices/usecases/review/records';

// The record's reads and writes are the flow's (test/unit/eservices/flow/records.test.ts); the
// review adds who it acts as and the claim from the registered document back to its application.
describe('the review’s actor and its document claim', () => {
  it('acts in the agency as its registry office, a clerk and nothing more', () => {
    const actor = reviewActor('t1');
    expect(actor).toMatchObject({ tenantId: 't1', employeeId: 'system', username: 'system' });
    expect([...actor.roles]).toEqual(['clerk']);
  });

  it('claims the registered document once, in a scope of its own', () => {
    expect(applicationDocumentClaim('d1')).toEqual({ scope: 'eservice-application-document', value: 'd1' });
    expect(applicationDocumentClaim('d1')).not.toEqual(applicationDocumentClaim('d2'));
  });
});
