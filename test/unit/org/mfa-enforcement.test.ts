import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { resolveActor } from '../../../functions/modules/org/usecases/actor.usecase';
import { confirmTotp, getMfaStatus, startTotp } from '../../../functions/modules/org/usecases/mfa.usecase';
import { performOperation } from '../../../functions/modules/documents/usecases/operations.usecase';
import { principalFromClaims } from '../../../functions/platform/adapters/auth/claims';
import { createGroupHandler, type RouteImpls } from '../../../functions/platform/http/group-handler';
import type { RouteDef } from '../../../functions/platform/http/route';
import type { Actor } from '../../../functions/platform/kernel/aggregate';
import { MfaRequiredError } from '../../../functions/platform/kernel/errors';
import type { MfaDirectory } from '../../../functions/platform/ports/mfa.port';
import { actor, documentRecord, employee, position } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';
import { documentsWorld } from '../documents/world';

// Issue 18: where the agency requires it, admins and signers work only after a sign-in with a
// second factor (the token's `mfa` claim); everyone else, and every agency that does not, as before.

const slice = [
  { roles: ['admin'], operationId: 'adminOnly', path: '/api/v1/a' },
  { roles: ['admin', 'clerk'], operationId: 'adminOrClerk', path: '/api/v1/b' },
  { roles: undefined, operationId: 'anyone', path: '/api/v1/c' },
].map((r): RouteDef => ({
  method: 'GET',
  path: r.path,
  group: 'org',
  operationId: r.operationId,
  summary: r.operationId,
  tag: 'test',
  auth: 'jwt',
  ...(r.roles ? { roles: r.roles as RouteDef['roles'] } : {}),
  response: z.object({ ok: z.boolean() }),
  successStatus: 200,
}));

function handlerFor(who: Actor) {
  const called = vi.fn(async () => ({ ok: true }));
  const impls: RouteImpls<typeof slice, unknown> = {
    adminOnly: called,
    adminOrClerk: called,
    anyone: called,
  };
  const handler = createGroupHandler({
    group: 'org',
    routes: slice,
    impls,
    http: () => ({
      verifier: {
        verify: async () => ({ subject: 's', tenantId: who.tenantId, username: who.username }),
        verifyOperator: async () => {
          throw new Error('no operators here');
        },
      },
      resolveActor: async () => who,
    }),
    deps: () => ({}),
  });
  const call = async (path: string, lang = 'en') => {
    const event = {
      routeKey: `GET ${path}`,
      headers: { authorization: 'Bearer t', 'accept-language': lang },
      isBase64Encoded: false,
      requestContext: { http: { sourceIp: '192.0.2.9' } },
    } as unknown as APIGatewayProxyEventV2;
    const result = (await handler(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
    return { status: result.statusCode, body: JSON.parse(String(result.body)) as Record<string, unknown> };
  };
  return { call, called };
}

describe('admin operations', () => {
  const admin = (mfaMissing: boolean): Actor => ({
    ...actor('adm', ['admin']),
    ...(mfaMissing ? { mfaMissing } : {}),
  });

  it('refuse an admin without a second factor with a localized 403 mfa_required, and run nothing', async () => {
    const { call, called } = handlerFor(admin(true));
    for (const path of ['/api/v1/a', '/api/v1/b']) {
      const en = await call(path);
      expect(en.status).toBe(403);
      expect(en.body).toMatchObject({ code: 'mfa_required', status: 403 });
      expect(en.body.title).toMatch(/two-step sign-in/);
    }
    expect((await call('/api/v1/a', 'az')).body.title).toMatch(/iki mərhələli giriş/);
    expect((await call('/api/v1/a', 'ru')).body.title).toMatch(/двухэтапный вход/);
    expect(called).not.toHaveBeenCalled();
  });

  it('let the same admin through once signed in with it, and routes for everyone stay open', async () => {
    expect((await handlerFor(admin(false)).call('/api/v1/a')).status).toBe(200);
    expect((await handlerFor(admin(true)).call('/api/v1/c')).status).toBe(200);
  });

  it('do not concern a clerk on a route open to admins and clerks', async () => {
    const clerk: Actor = { ...actor('clk', ['clerk']), mfaMissing: true };
    expect((await handlerFor(clerk).call('/api/v1/b')).status).toBe(200);
  });
});

describe('the token and the agency setting', () => {
  it('reads the mfa claim as "true" only', () => {
    const base = { sub: 's', tenant: 't1', username: 'u' };
    expect(principalFromClaims({ ...base, mfa: 'true' }).mfa).toBe(true);
    expect(principalFromClaims({ ...base, mfa: 'false' }).mfa).toBeUndefined();
    expect(principalFromClaims({ ...base, mfa: 'yes' }).mfa).toBeUndefined();
    expect(principalFromClaims(base).mfa).toBeUndefined();
  });

  function agency(requireMfa: boolean | undefined) {
    const deps = memoryDeps();
    deps.store.seed('position', position('adm-pos', { departmentId: 'board', roles: ['admin'] }));
    deps.store.seed('employee', employee('e1', { username: 'aysel', positionIds: ['adm-pos'] }), {
      claims: [{ scope: 'username', value: 'aysel' }],
    });
    deps.store.seed('tenant', {
      id: 't1',
      tenantId: 't1',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      ...(requireMfa === undefined ? {} : { requireMfa }),
    } as never);
    return deps;
  }
  const principal = (mfa?: boolean) => ({
    subject: 's',
    tenantId: 't1',
    username: 'aysel',
    ...(mfa ? { mfa } : {}),
  });

  it('marks the actor as lacking a second factor only where the agency requires one', async () => {
    expect((await resolveActor(agency(true), principal())).mfaMissing).toBe(true);
    expect((await resolveActor(agency(false), principal())).mfaMissing).toBeUndefined();
    expect((await resolveActor(agency(undefined), principal())).mfaMissing).toBeUndefined();
    const withMfa = await resolveActor(agency(true), principal(true));
    expect(withMfa.mfaMissing).toBeUndefined();
    expect(withMfa.mfa).toBe(true);
  });
});

describe('signatures', () => {
  it('refuse a signatory without a second factor and write nothing', async () => {
    const deps = documentsWorld();
    deps.documents.seed({
      documents: [
        documentRecord('decree', {
          kind: 'order',
          status: 'agreed',
          participants: ['author', 'signer'],
          order: { category: 'order', signatoryId: 'signer' },
          internal: undefined,
        }),
      ],
    });
    const signer: Actor = { ...actor('signer', ['executor']), mfaMissing: true };

    const refused = performOperation(deps, signer, 'decree', 'sign', { version: 1 });

    await expect(refused).rejects.toBeInstanceOf(MfaRequiredError);
    expect(deps.documents.commits).toEqual([]);
    const { mfaMissing: _m, ...withMfa } = signer;
    expect(await performOperation(deps, withMfa, 'decree', 'sign', { version: 1 })).toMatchObject({
      status: 'signed',
    });
  });
});

describe('enrolment', () => {
  function directory(): MfaDirectory & { confirmed: string[] } {
    const confirmed: string[] = [];
    return {
      confirmed,
      startTotp: async () => ({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }),
      confirmTotp: async (_token, username, code) => {
        if (code !== '123456') return false;
        confirmed.push(username);
        return true;
      },
      totpEnabled: async (username) => confirmed.includes(username),
    };
  }

  it('gives the secret as an otpauth URI, refuses a wrong code on its field, and confirms a right one', async () => {
    const deps = { ...memoryDeps(), mfa: directory() };
    const me = actor('aysel', ['admin']);
    const started = await startTotp(deps, me, 'token');
    expect(started.otpauthUri).toMatch(/^otpauth:\/\/totp\/Karg%C3%BCzar:aysel\?/);
    expect(started.otpauthUri).toContain(`secret=${started.secret}`);

    await expect(confirmTotp(deps, me, 'token', '000000')).rejects.toMatchObject({
      code: 'mfa_code_invalid',
      issues: [{ path: 'code', code: 'mfa_code_invalid' }],
    });
    expect(deps.mfa.confirmed).toEqual([]);
    expect(await confirmTotp(deps, me, 'token', '123456')).toMatchObject({ totpEnabled: true });
    expect(await getMfaStatus(deps, me)).toEqual({
      totpEnabled: true,
      signedInWithMfa: false,
      requiredByAgency: false,
    });
  });

  it('needs the caller’s own token', async () => {
    const deps = { ...memoryDeps(), mfa: directory() };
    await expect(startTotp(deps, actor('aysel', ['admin']), undefined)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });
});
