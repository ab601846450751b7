/**
 * Typed errors with stable codes. The HTTP layer maps them to status codes and localized
 * problem+json titles in one place (functions/http/problem.ts); the domain never knows HTTP.
 */
export interface FieldIssue {
  /** JSON pointer-like path, e.g. "name.az" */
  path: string;
  /** Stable message code, localized by the HTTP layer, e.g. "required", "too_long" */
  code: string;
  /** Parameters for the localized message */
  params?: Record<string, string | number>;
  /**
   * The message already written in each language (a module's own texts, e.g. an e-service form's
   * field errors with their parameters filled in): used instead of the catalogue's for `code`.
   */
  text?: { az: string; en?: string; ru?: string };
}

export abstract class AppError extends Error {
  abstract readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = new.target.name;
    this.params = params;
  }
}

/** Input that does not parse (malformed JSON, wrong types): 422, each issue on its field. */
export class ValidationError extends AppError {
  readonly code: string = 'validation_failed';
  constructor(
    readonly issues: FieldIssue[],
    message = 'Validation failed',
  ) {
    super(message);
  }
}

/** The same for a request parameter (path, query, cursor) that cannot be used: 400, not 422. */
export class BadRequestError extends ValidationError {
  override readonly code: string = 'invalid_request';
  constructor(issues: FieldIssue[]) {
    super(issues, 'Invalid request parameters');
  }
}

/** Input that parses but breaks a business rule (a cycle in a tree, an unknown reference). */
export class BusinessRuleError extends AppError {
  constructor(
    readonly code: string,
    message: string,
    params: Record<string, string | number> = {},
    readonly issues: FieldIssue[] = [],
  ) {
    super(message, params);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'unauthenticated';
}

export class ForbiddenError extends AppError {
  readonly code: string = 'forbidden';
}

/**
 * 403 `mfa_required`: the agency requires a second sign-in factor of admins and signers, and this
 * sign-in had none (issue 18). The client sends the user to enrol (the profile's two-step sign-in).
 */
export class MfaRequiredError extends ForbiddenError {
  override readonly code: string = 'mfa_required';
}

/** Also used for objects of another tenant or that the caller may not see: never 403 for those. */
export class NotFoundError extends AppError {
  readonly code = 'not_found';
}

/** Stale version (optimistic concurrency), duplicate key or an operation the status forbids. */
export class ConflictError extends AppError {
  constructor(
    readonly code: string,
    message: string,
    params: Record<string, string | number> = {},
  ) {
    super(message, params);
  }
}
