import type * as z from 'zod';
import {
  AppError,
  BadRequestError,
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  type FieldIssue,
} from '../kernel/errors';
import { localize, type Language } from '../kernel/text';
import { fieldMessage, problemDetail, problemTitle } from './messages';

/** Errors the HTTP layer raises itself (before a use case runs). */
export class HttpError extends AppError {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export interface ProblemResponse {
  status: number;
  body: {
    type: string;
    title: string;
    status: number;
    code: string;
    detail?: string;
    documentStatus?: string;
    operation?: string;
    /** The route to call instead (an operation with a route of its own). */
    route?: string;
    existingId?: string;
    errors?: { path: string; code: string; message: string }[];
  };
}

/** The one place where typed errors become HTTP statuses. */
export function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  if (error instanceof BadRequestError) return 400; // before its base class, ValidationError
  if (error instanceof ValidationError) return 422;
  if (error instanceof BusinessRuleError) return 422;
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  return 500;
}

export function toProblem(error: unknown, lang: Language): ProblemResponse {
  const status = statusOf(error);
  const code = status === 500 || !(error instanceof AppError) ? 'internal' : error.code;
  const issues: FieldIssue[] =
    error instanceof ValidationError || // BadRequestError included
    error instanceof BusinessRuleError ||
    error instanceof HttpError
      ? error.issues
      : [];
  const params = error instanceof AppError ? error.params : {};
  const body: ProblemResponse['body'] = {
    type: `https://karguzar.az/problems/${code.replace(/_/g, '-')}`,
    title: problemTitle(code, lang, params),
    status,
    code,
  };
  // A refused operation names the document's status and the operation (stable codes, for clients).
  if (code === 'operation_not_allowed') {
    body.documentStatus = String(params.status);
    body.operation = String(params.operation);
  }
  if (code === 'operation_has_own_route' && typeof params.route === 'string') {
    body.operation = String(params.operation);
    body.route = params.route;
    const detail = problemDetail(code, lang, params);
    if (detail) body.detail = detail;
  }
  if ((code === 'duplicate_value' || code === 'duplicate_voen') && typeof params.field === 'string') {
    body.errors = [{ path: params.field, code, message: fieldMessage(code, lang) }];
  }
  // The object that already holds the value, for a client to offer instead (never another tenant's).
  if (code === 'duplicate_voen' && typeof params.existingId === 'string') body.existingId = params.existingId;
  if (issues.length > 0) {
    body.errors = issues.map((issue) => ({
      path: issue.path,
      code: issue.code,
      message: issue.text ? localize(issue.text, lang) : fieldMessage(issue.code, lang, issue.params),
    }));
  }
  return { status, body };
}

/** zod issues → stable field issue codes. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'invalid_type':
        return [{ path, code: issue.input === undefined ? 'required' : 'invalid_type' }];
      case 'too_small':
        // An empty required text (after trimming) reads better as "required" than "too short".
        return [
          issue.origin === 'string' && Number(issue.minimum) === 1
            ? { path, code: 'required' }
            : { path, code: 'too_small', params: { min: Number(issue.minimum) } },
        ];
      case 'too_big':
        return [{ path, code: 'too_big', params: { max: Number(issue.maximum) } }];
      case 'invalid_format':
        return [{ path, code: 'invalid_format' }];
      case 'invalid_value':
        return [{ path, code: 'invalid_value' }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, code: 'unrecognized_keys' }));
      default:
        return [{ path, code: 'invalid' }];
    }
  });
}
