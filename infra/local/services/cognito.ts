/**
 * A local Cognito user-pool endpoint (AWS JSON 1.1, `X-Amz-Target: AWSCognitoIdentityProviderService.*`)
 * over the local identity provider's user store, so the Cognito adapter works unchanged: AdminCreateUser
 * (with an invitation e-mail carrying a temporary password, relayed to maildev; none with
 * MessageAction SUPPRESS), AdminGetUser, AdminSetUserPassword (the pool's password policy),
 * AdminEnableUser, AdminDisableUser, AdminUpdateUserAttributes (`custom:mfa` only), and the user's
 * own TOTP enrolment with their access token (AssociateSoftwareToken, VerifySoftwareToken,
 * SetUserMFAPreference; the token must carry `aws.cognito.signin.user.admin`). Difference from Cognito, recorded in docs/decisions.md: the
 * temporary password signs in directly (no forced change on first sign-in). Every request but the
 * user's own (authorized by the access token) must be SigV4-signed for `cognito-idp` with the local
 * credentials; others get Cognito's JSON error
 * (MissingAuthenticationTokenException, UnrecognizedClientException, InvalidSignatureException,
 * IncompleteSignatureException; HTTP 400) and no login is created, read or changed.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { newTotpSecret } from '../oidc/totp';
import { COGNITO_ADMIN_SCOPE } from '../oidc/scopes';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { smtpTransport, type SmtpRelay } from './maildev';
import type { LocalUser, LocalUserStore } from '../oidc/user-store';
import {
  closeServer,
  LOCAL_HOST,
  listenLoopback,
  readBody,
  requirePort,
  sendAwsJson,
  type LocalService,
} from './common';
import { authenticate, jsonAuthError, secretsOf } from './service-auth';

export interface CognitoStartOptions {
  port: number;
  users: LocalUserStore;
  /** SMTP server for the invitation e-mails (maildev). */
  smtp: SmtpRelay;
  /** From address of the invitations. */
  from: string;
  /** Where the invitation tells the user to sign in. */
  signInUrl: string;
  /** Accepted SigV4 credentials; default LOCAL_AWS_CREDENTIALS. */
  credentials?: Array<{ accessKeyId: string; secretAccessKey: string }>;
  /**
   * The username behind a user's access token (the operations a user authorizes with their own
   * token: AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference), or undefined for a
   * token that is invalid or lacks the scope `aws.cognito.signin.user.admin`. Default: none accepted.
   */
  userOfAccessToken?: (accessToken: string) => Promise<string | undefined>;
}

/**
 * Verifies an access token of the local identity provider as Cognito does its own: signature
 * (the issuer's JWKS), issuer, audience, expiry, and the scope `aws.cognito.signin.user.admin`.
 */
export function accessTokenUsers(
  issuer: string,
  audience: string,
): (token: string) => Promise<string | undefined> {
  const keys = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, audience, typ: 'at+jwt' });
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
      return scopes.includes(COGNITO_ADMIN_SCOPE) && typeof payload.username === 'string'
        ? payload.username
        : undefined;
    } catch {
      return undefined;
    }
  };
}

/** The operations a user authorizes with their own access token, without SigV4. */
const BY_ACCESS_TOKEN = new Set(['AssociateSoftwareToken', 'VerifySoftwareToken', 'SetUserMFAPreference']);

class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

type Attributes = { Name: string; Value?: string }[];

/** 12 characters with every class Cognito's default password policy asks for. */
function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+-=?'];
  const all = sets.join('');
  const chars = sets.map((set) => set[randomInt(set.length)] as string);
  while (chars.length < 12) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

function attributesOf(user: LocalUser): Attributes {
  return [
    { Name: 'sub', Value: user.subject },
    { Name: 'email', Value: user.email },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'name', Value: user.name },
    ...(user.tenantId ? [{ Name: 'custom:tenant', Value: user.tenantId }] : []),
    ...(user.mfaAttribute ? [{ Name: 'custom:mfa', Value: user.mfaAttribute }] : []),
  ];
}

/** AdminGetUser's MFA fields: TOTP once it is the login's MFA. */
function mfaSettingsOf(user: LocalUser): Record<string, unknown> {
  return user.totp?.enabled && user.totp.secret
    ? { UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' }
    : {};
}

/**
 * The deployed user pool's password policy (infra/aws/constructs/identity.ts): at least 12
 * characters with upper- and lower-case letters, a digit and a symbol.
 */
export function meetsPasswordPolicy(password: string): boolean {
  return (
    password.length >= 12 &&
    password.length <= 256 &&
    /[A-Z]/.test(password) &&
    /[a-z]/.test(password) &&
    /\d/.test(password) &&
    /[^A-Za-z0-9\s]/.test(password)
  );
}

function invitation(
  username: string,
  password: string,
  signInUrl: string,
): { subject: string; text: string } {
  return {
    subject: 'Kargüzar: giriş məlumatlarınız / your sign-in details / данные для входа',
    text: [
      `Kargüzar sistemində sizin üçün giriş yaradıldı. İstifadəçi adı: ${username}. Müvəqqəti şifrə: ${password}. Giriş: ${signInUrl}`,
      `A Kargüzar login was created for you. Username: ${username}. Temporary password: ${password}. Sign in: ${signInUrl}`,
      `Для вас создан вход в Kargüzar. Имя пользователя: ${username}. Временный пароль: ${password}. Вход: ${signInUrl}`,
    ].join('\n\n'),
  };
}

export async function start(opts: CognitoStartOptions): Promise<LocalService> {
  const port = requirePort(opts.port, 'cognito.port');
  const secrets = secretsOf(opts.credentials);
  const mail = smtpTransport(opts.smtp);

  const userOf = (username: unknown): LocalUser => {
    const user = typeof username === 'string' ? opts.users.byUsername(username) : undefined;
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return user;
  };

  /** The user of an operation authorized by their own access token (NotAuthorizedException otherwise). */
  const userOfToken = async (token: unknown): Promise<LocalUser> => {
    const username =
      typeof token === 'string' && opts.userOfAccessToken ? await opts.userOfAccessToken(token) : undefined;
    const user = username ? opts.users.byUsername(username) : undefined;
    if (!user?.enabled) throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
    return user;
  };

  const actions: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    AssociateSoftwareToken: async (body) => {
      const user = await userOfToken(body.AccessToken);
      const secret = newTotpSecret();
      await opts.users.startTotp(user.username, secret);
      return { SecretCode: secret };
    },
    VerifySoftwareToken: async (body) => {
      const user = await userOfToken(body.AccessToken);
      const code = typeof body.UserCode === 'string' ? body.UserCode : '';
      const result = await opts.users.confirmTotp(user.username, code);
      if (result === 'none')
        throw new CognitoError('InvalidParameterException', 'User has not set up software token mfa');
      if (result === 'wrong')
        throw new CognitoError(
          'EnableSoftwareTokenMFAException',
          'Code mismatch and fail enable Software Token MFA',
        );
      return { Status: 'SUCCESS' };
    },
    SetUserMFAPreference: async (body) => {
      const user = await userOfToken(body.AccessToken);
      const settings = body.SoftwareTokenMfaSettings as { Enabled?: boolean } | undefined;
      if (
        settings?.Enabled !== undefined &&
        !(await opts.users.setTotpEnabled(user.username, settings.Enabled))
      )
        throw new CognitoError('InvalidParameterException', 'User has not verified software token mfa');
      return {};
    },
    AdminUpdateUserAttributes: async (body) => {
      const user = userOf(body.Username);
      const attributes = (body.UserAttributes as Attributes | undefined) ?? [];
      // Only the attribute the API writes here is emulated; custom:tenant is immutable in the pool.
      if (attributes.some((a) => a.Name !== 'custom:mfa'))
        throw new CognitoError('InvalidParameterException', 'Only custom:mfa can be updated here');
      for (const a of attributes) await opts.users.setMfaAttribute(user.username, a.Value ?? '');
      return {};
    },
    AdminCreateUser: async (body) => {
      const username = body.Username;
      if (typeof username !== 'string' || !/^[\p{L}\p{N}._@+-]{1,128}$/u.test(username)) {
        throw new CognitoError('InvalidParameterException', 'Invalid username');
      }
      if (opts.users.byUsername(username))
        throw new CognitoError('UsernameExistsException', 'User account already exists');
      const attributes = (body.UserAttributes as Attributes | undefined) ?? [];
      const attr = (name: string) => attributes.find((a) => a.Name === name)?.Value ?? '';
      const tenantId = attr('custom:tenant');
      const email = attr('email');
      if (!tenantId || !email)
        throw new CognitoError('InvalidParameterException', 'email and custom:tenant are required');
      const password =
        typeof body.TemporaryPassword === 'string' ? body.TemporaryPassword : temporaryPassword();
      const user = await opts.users.create({
        subject: randomUUID(),
        username,
        password,
        tenantId,
        email,
        name: attr('name') || username,
      });
      if (body.MessageAction !== 'SUPPRESS') {
        const message = invitation(username, password, opts.signInUrl);
        await mail.sendMail({ from: opts.from, to: email, subject: message.subject, text: message.text });
      }
      return {
        User: {
          Username: username,
          Attributes: attributesOf(user),
          Enabled: true,
          UserStatus: 'FORCE_CHANGE_PASSWORD',
          UserCreateDate: Date.parse(user.createdAt) / 1000,
        },
      };
    },
    AdminGetUser: async (body) => {
      const user = userOf(body.Username);
      return {
        Username: user.username,
        UserAttributes: attributesOf(user),
        ...mfaSettingsOf(user),
        Enabled: user.enabled,
        UserStatus: 'CONFIRMED',
        UserCreateDate: Date.parse(user.createdAt) / 1000,
      };
    },
    AdminSetUserPassword: async (body) => {
      const user = userOf(body.Username);
      const password = body.Password;
      if (typeof password !== 'string' || !meetsPasswordPolicy(password))
        throw new CognitoError('InvalidPasswordException', 'Password does not conform to policy');
      await opts.users.setPassword(user.username, password);
      return {};
    },
    AdminEnableUser: async (body) => {
      await opts.users.setEnabled(userOf(body.Username).username, true);
      return {};
    },
    AdminDisableUser: async (body) => {
      await opts.users.setEnabled(userOf(body.Username).username, false);
      return {};
    },
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const reply = (status: number, body: unknown, errorType?: string) =>
        sendAwsJson(res, 'application/x-amz-json-1.1', status, body, errorType);
      try {
        const raw = await readBody(req, 256 * 1024);
        const target = String(req.headers['x-amz-target'] ?? '');
        const name = target.replace(/^AWSCognitoIdentityProviderService\./, '');
        // A user's own operations are authorized by their access token alone (Cognito takes them
        // unsigned, and the SDK sends them so); every other operation needs SigV4.
        if (!BY_ACCESS_TOKEN.has(name)) {
          const auth = await authenticate(req, raw, 'cognito-idp', secrets);
          if (!auth.ok) {
            const { status, type } = jsonAuthError(auth.failure);
            return reply(status, { __type: type, message: auth.message }, type);
          }
        }
        const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
        if (req.method !== 'POST' || !action)
          throw new CognitoError('UnknownOperationException', `Unsupported: ${target}`);
        reply(
          200,
          await action(raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {}),
        );
      } catch (error) {
        if (error instanceof CognitoError)
          reply(400, { __type: error.type, message: error.message }, error.type);
        else reply(500, { __type: 'InternalErrorException', message: 'Internal error' });
      }
    })();
  };

  const { server, port: bound } = await listenLoopback(handler, port);
  return {
    port: bound,
    endpoint: `http://${LOCAL_HOST}:${bound}`,
    health: async () => ({ ok: server.listening }),
    close: async () => {
      mail.close();
      await closeServer(server);
    },
  };
}
