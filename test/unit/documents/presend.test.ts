import { describe, expect, it } from 'vitest';
import { presendIssues, recordedSignatures } from '../../../functions/modules/documents/domain/presend';
import type { DocumentRecord } from '../../../functions/modules/documents';
import { documentRecord } from '../../support/builders';

const at = (minute: number) => `2026-03-02T06:${String(minute).padStart(2, '0')}:00.000Z`;

function letter(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return documentRecord('letter', {
    kind: 'outgoing',
    status: 'registered',
    registration: { journalId: 'j', year: 2026, seq: 1, number: '1-XR/26', at: at(0) },
    outgoing: {
      signatoryId: 'signer',
      content: 'Hörmətli cənab, ...',
      recipients: [{ name: 'Nazirlik', email: 'info@nazirlik.az' }],
      dispatches: [],
    },
    ...overrides,
  });
}

const sender = { organizationName: 'Nümunə Agentliyi', legalAddress: 'Bakı', contact: 'office@agency.az' };

describe('recordedSignatures', () => {
  it('gives the signatory the right to sign, a substitute the right on behalf, and endorsers none to sign', () => {
    // Arrange
    const doc = letter({
      route: {
        state: 'completed',
        round: 1,
        stages: [],
        steps: [
          {
            stage: 0,
            kind: 'endorsement',
            employeeIds: ['lawyer'],
            state: 'done',
            assignees: [{ employeeId: 'lawyer', assignmentId: 'a1', status: 'approved', decidedAt: at(1) }],
          },
          {
            stage: 1,
            kind: 'signing',
            employeeIds: ['signer', 'head'],
            state: 'done',
            assignees: [
              {
                employeeId: 'signer',
                assignmentId: 'a2',
                status: 'signed',
                decidedAt: at(3),
                decidedBy: 'deputy',
              },
              { employeeId: 'head', assignmentId: 'a3', status: 'signed', decidedAt: at(2) },
            ],
          },
        ],
      },
    });

    // Act
    const signatures = recordedSignatures(doc);

    // Assert
    expect(signatures).toEqual([
      { employeeId: 'lawyer', right: 'endorse', valid: true, at: at(1) },
      { employeeId: 'head', right: 'none', valid: true, at: at(2) },
      { employeeId: 'deputy', onBehalfOf: 'signer', right: 'sign-on-behalf', valid: true, at: at(3) },
    ]);
  });

  it('reads the sign operation of an internal document', () => {
    // Arrange
    const doc = documentRecord('memo', {
      internal: { signatoryId: 'head', signedAt: at(5), signedBy: 'head' },
    });

    // Act + Assert
    expect(recordedSignatures(doc)).toEqual([{ employeeId: 'head', right: 'sign', valid: true, at: at(5) }]);
  });
});

describe('presendIssues', () => {
  it('finds nothing missing in a signed, complete, addressed letter', () => {
    expect(
      presendIssues(letter(), {
        signatures: [{ employeeId: 'signer', right: 'sign', valid: true, at: at(1) }],
        sender,
        byEmail: true,
        executorName: 'Əliyev Əli',
      }),
    ).toEqual([]);
  });

  it('does not take an endorsement for the signature', () => {
    expect(
      presendIssues(letter(), {
        signatures: [{ employeeId: 'lawyer', right: 'endorse', valid: true, at: at(1) }],
        sender,
        byEmail: false,
        executorName: 'Əliyev Əli',
      }),
    ).toEqual([{ path: 'signature', code: 'presend_not_signed' }]);
  });

  it('names each missing requisite and recipient address on its own path', () => {
    // Arrange
    const doc = letter({
      summary: ' ',
      registration: undefined,
      outgoing: { signatoryId: 'signer', recipients: [{ name: 'Nazirlik' }, { name: '' }], dispatches: [] },
    });

    // Act
    const issues = presendIssues(doc, {
      signatures: [{ employeeId: 'signer', right: 'sign', valid: true, at: at(1) }],
      sender: { organizationName: 'Nümunə Agentliyi' },
      byEmail: true,
    });

    // Assert
    expect(issues.map((i) => `${i.code}:${i.path}`)).toEqual([
      'presend_main_requisite:registration.number',
      'presend_main_requisite:registration.at',
      'presend_main_requisite:summary',
      'presend_main_requisite:content',
      'presend_additional_requisite:organization.legalAddress',
      'presend_additional_requisite:organization.contact',
      'presend_additional_requisite:authorId',
      'presend_not_addressed:recipients.0.email',
      'presend_not_addressed:recipients.1.name',
      'presend_not_addressed:recipients.1.email',
    ]);
  });
});
