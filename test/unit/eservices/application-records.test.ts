import { describe, expect, it } from 'vitest';
import {
  applicationExecutionName,
  applicationKeys,
  applicationPlacement,
} from '../../../functions/modules/eservices/usecases/application-records';

describe('how applications are stored', () => {
  it('lists a service’s applications newest first', () => {
    const older = applicationPlacement({ serviceId: 's1', submittedAt: '2026-03-01T10:00:00.000Z', id: 'B' });
    const newer = applicationPlacement({ serviceId: 's1', submittedAt: '2026-03-01T10:00:00.001Z', id: 'A' });
    expect(older.parentKey).toBe('s1');
    expect(newer.sortKey < older.sortKey).toBe(true);
    expect(newer.sortKey).toMatch(/^\d{16}#A$/);
  });

  it('names one execution per application, within the engine’s name limit', () => {
    const name = applicationExecutionName('demo1', '7K3M-9QX2-HT4B-W8RC');
    expect(name).toBe('application-demo1-7K3M9QX2HT4BW8RC');
    expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });

  it('keeps an application’s files under its agency’s prefix', () => {
    expect(applicationKeys.result('t1', '7K3M-9QX2-HT4B-W8RC', 0)).toBe(
      't1/eservices/applications/7K3M-9QX2-HT4B-W8RC/result-1.pdf',
    );
    expect(applicationKeys.upload('t1', 'u1').startsWith('t1/')).toBe(true);
  });
});
