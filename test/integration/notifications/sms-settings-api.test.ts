import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, tokenFor, type Problem } from '../../support/api';

// The agency's SMS setting through the API of the shared embedded default. The demo agency is
// seeded with SMS on (the execution tests read its SMS); these tests change nothing in it.

const baseUrl = inject('baseUrl');
type SmsSettings = { enabled: boolean; monthlyParts: number; month: string; used: number; version: number };

let admin: string;
let clerk: string;

beforeAll(async () => {
  admin = await tokenFor(baseUrl, 'admin');
  clerk = await tokenFor(baseUrl, 'clerk');
});

describe('GET/PUT /api/v1/tenant/sms', () => {
  it("shows the admin the demo agency's setting and this month's parts; others are refused", async () => {
    // Act
    const own = await apiClient(baseUrl, admin).get<SmsSettings>('/api/v1/tenant/sms');
    const other = await apiClient(baseUrl, clerk).get<Problem>('/api/v1/tenant/sms');
    const change = await apiClient(baseUrl, clerk).put<Problem>('/api/v1/tenant/sms', {
      enabled: false,
      monthlyParts: 10,
      version: own.body.version,
    });

    // Assert
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      enabled: true,
      monthlyParts: 500,
      month: expect.stringMatching(/^\d{4}-\d{2}$/),
    });
    expect(own.body.used).toBeGreaterThanOrEqual(0);
    expect(other.status).toBe(403);
    expect(change.status).toBe(403);
  });

  it('refuses a budget out of range, a wrong type and an unknown key with localized errors, writing nothing', async () => {
    // Arrange
    const before = await apiClient(baseUrl, admin).get<SmsSettings>('/api/v1/tenant/sms');
    const messages: Record<string, string | undefined> = {};

    // Act
    for (const lang of ['az', 'en', 'ru']) {
      const res = await apiClient(baseUrl, admin, lang).put<Problem>('/api/v1/tenant/sms', {
        enabled: 'yes',
        monthlyParts: 0,
        version: before.body.version,
        perDay: 5,
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const byPath = Object.fromEntries((res.body.errors ?? []).map((e) => [e.path, e]));
      expect(byPath.enabled?.code).toBeDefined();
      expect(
        byPath.perDay ?? byPath[''] ?? res.body.errors?.find((e) => e.code === 'unrecognized_keys'),
      ).toBeDefined();
      expect(byPath.monthlyParts?.code).toBe('too_small');
      messages[lang] = byPath.monthlyParts?.message;
    }
    const bodiless = await apiClient(baseUrl, admin).call<Problem>('PUT', '/api/v1/tenant/sms');
    const stale = await apiClient(baseUrl, admin).put<Problem>('/api/v1/tenant/sms', {
      enabled: false,
      monthlyParts: 10,
      version: before.body.version + 1000,
    });
    const after = await apiClient(baseUrl, admin).get<SmsSettings>('/api/v1/tenant/sms');

    // Assert
    expect(new Set(Object.values(messages)).size).toBe(3);
    expect(bodiless.status).toBeGreaterThanOrEqual(400);
    expect(bodiless.status).toBeLessThan(500);
    expect(stale.status).toBe(409);
    expect(after.body).toMatchObject({ enabled: true, monthlyParts: 500, version: before.body.version });
  });

  it('tells each employee whether the agency sends SMS with their preferences', async () => {
    // Act
    const mine = await apiClient(baseUrl, clerk).get<{ agencySms: boolean; sms: boolean }>(
      '/api/v1/me/notifications',
    );

    // Assert
    expect(mine.status).toBe(200);
    expect(mine.body.agencySms).toBe(true);
  });
});
