import { describe, expect, it } from 'vitest';
import { Names } from '../../../functions/modules/reports/usecases/names';
import { TENANT } from '../../support/builders';
import { reportWorld } from './world';

describe('Names', () => {
  it('reads employees, their departments up the tree and classifications by key', async () => {
    const names = new Names(reportWorld(), TENANT, 'en');
    await names.load(['exec', 'ctrl', 'ghost'], ['cls-1']);
    expect(names.employee('exec')).toBe('Əliyev Çingiz');
    expect(names.employee('ghost')).toBe('');
    expect(names.departmentOf('exec')).toEqual({ id: 'dep-1', name: 'Ümumi şöbə' });
    expect(names.departmentsOf('exec')).toEqual(['dep-1', 'dep-top']);
    expect(names.departmentsOf('ctrl')).toEqual([]);
    expect(names.classification('cls-1')).toBe('Application');
  });
});
