import { describe, expect, it } from 'vitest';
import { secondFactorMatches } from '../../../../functions/modules/eservices';
import type { ApplicationRecord } from '../../../../functions/modules/eservices/usecases/application-records';
import { findApplication } from '../../../../functions/modules/eservices/usecases/flow/lookup';
import { NotFoundError } from '../../../../functions/platform/kernel/errors';
import { newApplicationNumber } from '../../../support/eservices-flow';
import { evisa, flowDeps, given, TENANT } from './fixtures';

/** The secret of the status page: a passport number of one of the applicants. */
const holdsPassport = (typed: string) => (r: ApplicationRecord) =>
  secondFactorMatches(r.secondFactors, typed);

describe('finding an application by its number and a secret', () => {
  it('finds it with the right secret, however the number is typed', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());
    const typed = app.id.toLowerCase().replaceAll('-', ' ');

    // Act
    const found = await findApplication(deps, TENANT, typed, holdsPassport('c0123 4567'));

    // Assert
    expect(found.id).toBe(app.id);
    expect(found.secondFactors).toEqual(['C01234567']);
  });

  it('answers an invalid number, an unknown one, another agency and a wrong secret with the same 404', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());
    const attempts: Array<[agency: string, number: string, secret: string]> = [
      [TENANT, 'nonsense', 'C01234567'],
      [TENANT, `${app.id.slice(0, -1)}${app.id.endsWith('0') ? '1' : '0'}`, 'C01234567'], // check fails
      [TENANT, newApplicationNumber(), 'C01234567'],
      ['t2', app.id, 'C01234567'],
      [TENANT, app.id, 'C0000000'],
      [TENANT, app.id, ''],
    ];

    // Act
    const outcomes = await Promise.all(
      attempts.map(([agency, number, secret]) =>
        findApplication(deps, agency, number, holdsPassport(secret)).then(
          () => 'found',
          (error: unknown) => error,
        ),
      ),
    );

    // Assert
    expect(outcomes).toEqual(attempts.map(() => new NotFoundError('application not found')));
    expect(outcomes.every((e) => e instanceof NotFoundError)).toBe(true);
  });

  it('asks for the secret only of an application that exists', async () => {
    // Arrange
    const deps = flowDeps();
    const app = await given(deps, evisa());
    const asked: string[] = [];
    const holds = (r: ApplicationRecord) => {
      asked.push(r.id);
      return false;
    };

    // Act
    await findApplication(deps, TENANT, newApplicationNumber(), holds).catch(() => undefined);
    await findApplication(deps, TENANT, app.id, holds).catch(() => undefined);

    // Assert
    expect(asked).toEqual([app.id]);
  });
});
