import { describe, expect, it } from 'vitest';
import { socialAssistanceDefinition } from '../../../../functions/modules/eservices';
import {
  applicantName,
  registerApplication,
  scansOf,
} from '../../../../functions/modules/eservices/usecases/review/register';
import { reviewActor } from '../../../../functions/modules/eservices/usecases/review/records';
import { TENANT, referenceItem } from '../../../support/builders';
import { inReviewApplication } from '../../../support/eservices-review';
import { reviewWorld, TEMPLATE } from './world';

const CLASSIFICATION = '0f6d2c1a-3b4e-4c5d-8e9f-a0b1c2d3e4f5';

/** A VEMTAS application of one citizen with a power of attorney and a household. */
function socialApplication() {
  return inReviewApplication(
    TENANT,
    { id: 's-social', code: 'social-assistance', version: 1 },
    {
      variant: 'standard',
      common: {
        phone: '+994501234567',
        household: [{ fullName: 'Əliyeva Nərmin', birthDate: '2015-05-05', relation: 'child' }],
        powerOfAttorney: [{ ref: 'poa-1', name: 'etibarname.pdf', mediaType: 'application/pdf', bytes: 9 }],
      },
      applicants: [{ fin: '5ZX7K2P', surname: 'Əliyev', name: 'Vüqar', patronymic: 'Rauf oğlu' }],
    },
    { submittedAt: '2026-03-18T21:00:00.000Z' },
  );
}

describe('registering an application as an incoming document', () => {
  it('names the citizen by FİN, takes the classification the definition names, copies every scan', async () => {
    // Arrange
    const w = reviewWorld();
    w.store.seed(
      'ref:classifications',
      referenceItem(CLASSIFICATION, {
        list: 'classifications',
        name: { az: 'Sosial müdafiə' },
        active: true,
      }),
    );
    const def = {
      ...socialAssistanceDefinition({ routeTemplateId: TEMPLATE }),
      registration: { classificationId: CLASSIFICATION },
    };
    const app = { ...socialApplication(), contact: { phone: '+994501234567' } };
    await w.objects.put({
      bucket: 'attachments',
      key: `${TENANT}/eservices/uploads/poa-1`,
      body: new TextEncoder().encode('%PDF-poa'),
      contentType: 'application/pdf',
    });

    // Act
    const doc = await registerApplication(w, reviewActor(TENANT), app, def);

    // Assert
    expect(doc).toMatchObject({
      kind: 'incoming',
      classificationId: CLASSIFICATION,
      // Submitted at 01:00 on 19 March in Baku.
      documentDate: '2026-03-19',
      incoming: {
        sender: { kind: 'citizen', name: 'Əliyev Vüqar Rauf oğlu', fin: '5ZX7K2P', phone: '+994501234567' },
      },
    });
    expect(doc.contents.map((c) => [c.fileName, c.size])).toEqual([['etibarname.pdf', 8]]);
  });

  it('refuses to register an application whose scan is missing from the uploads', async () => {
    // Arrange
    const w = reviewWorld();
    const def = socialAssistanceDefinition({ routeTemplateId: TEMPLATE });

    // Act
    const registering = registerApplication(w, reviewActor(TENANT), socialApplication(), def);

    // Assert
    await expect(registering).rejects.toMatchObject({ code: 'content_missing' });
  });

  it('finds scans at any depth and names applicants by the fields the form has', () => {
    // Arrange
    const app = socialApplication();

    // Act
    const scans = scansOf(app);

    // Assert
    expect(scans.map((s) => s.path)).toEqual(['common.powerOfAttorney[0]']);
    expect(applicantName(app, 0)).toBe('Əliyev Vüqar Rauf oğlu');
    expect(applicantName({ values: { variant: 'x', common: {}, applicants: [{}] } }, 0)).toBe('#1');
  });
});
