import { describe, expect, it } from 'vitest';
import { replyToOf, signedSingleFile } from '../../../functions/modules/documents/usecases/email-out';
import type { DocumentRecord, DocumentSignature } from '../../../functions/modules/documents';
import { tenant } from '../../support/builders';
import { documentsWorld } from './world';

const signature = (over: Partial<DocumentSignature>): DocumentSignature => ({
  right: 'sign',
  signerId: 'k-1',
  positionId: 'p-1',
  positionTitle: 'Rəis',
  at: '2026-03-02T05:30:00.000Z',
  onVersion: 3,
  fieldName: 'Signature1',
  certificateSerial: '01',
  certificateSha256: 'a'.repeat(64),
  sha256: 'b'.repeat(64),
  size: 10,
  key: 't1/documents/d1/single-file/1',
  byteRange: [0, 1, 2, 3],
  ...over,
});

describe('what an e-mailed outgoing document carries', () => {
  it('answers no single file for a document without signatures (its stored files go instead)', async () => {
    const deps = documentsWorld();
    const doc = { id: 'd1', tenantId: 't1' } as DocumentRecord;
    expect(await signedSingleFile(deps, doc)).toBeUndefined();
  });

  it('refuses a single file that is missing from storage (nothing leaves)', async () => {
    const deps = documentsWorld();
    const doc = { id: 'd1', tenantId: 't1', signatures: [signature({})] } as DocumentRecord;
    await expect(signedSingleFile(deps, doc)).rejects.toMatchObject({ code: 'content_missing' });
  });

  it('sends replies to the exchange settings’ Reply-To, else to the agency’s e-mail', async () => {
    const deps = documentsWorld();
    const agency = tenant();
    expect(await replyToOf(deps, agency, 't1')).toBe('office@agency.az');
    expect(await replyToOf(deps, undefined, 't1')).toBeUndefined();
    deps.store.seed('exchange-settings', {
      id: 't1',
      tenantId: 't1',
      version: 1,
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      replyTo: 'cavab@agency.az',
      receiptDays: 3,
    });
    expect(await replyToOf(deps, agency, 't1')).toBe('cavab@agency.az');
  });
});
