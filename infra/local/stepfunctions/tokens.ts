/**
 * Task tokens of `.waitForTaskToken` tasks: which execution a token belongs to and whether it can
 * still be answered. The registry changes only through the journal fold (a `token` record issues
 * one, an `outcome` settles it, an `end` closes a pending one), so after `kill -9` a token is
 * exactly as valid as the journal says.
 */
import { randomBytes } from 'node:crypto';
import { TASK_TOKEN_PLACEHOLDER, type Json } from './definitions';
import { SfnError, type TaskOutcome, type TokenEntry, type TokenStatus } from './model';

export class TokenRegistry {
  private readonly tokens = new Map<string, TokenEntry>();

  /** Takes the tokens of a snapshot (the entries are kept, not copied). */
  restore(saved: Record<string, TokenEntry> | undefined): void {
    for (const [token, entry] of Object.entries(saved ?? {})) this.tokens.set(token, entry);
  }

  toJSON(): Record<string, TokenEntry> {
    return Object.fromEntries(this.tokens);
  }

  issue(token: string, arn: string): void {
    this.tokens.set(token, { arn, status: 'pending' });
  }

  /** An answer or a timeout: the token cannot be answered again. */
  settle(token: string, outcome: TaskOutcome['outcome']): void {
    const t = this.tokens.get(token);
    if (t) t.status = outcome === 'timeout' ? 'timedout' : 'completed';
  }

  /** The execution ended while the token was pending. */
  close(token: string): void {
    const t = this.tokens.get(token);
    if (t?.status === 'pending') t.status = 'closed';
  }

  status(token: string): TokenStatus | undefined {
    return this.tokens.get(token)?.status;
  }

  /**
   * A token an API call may answer, or the error AWS gives: `TaskDoesNotExist` (unknown,
   * completed or closed), `TaskTimedOut`.
   */
  pending(token: string): { arn: string } {
    const t = typeof token === 'string' ? this.tokens.get(token) : undefined;
    if (!t || t.status === 'completed' || t.status === 'closed')
      throw new SfnError('TaskDoesNotExist', 'Task Does Not Exist');
    if (t.status === 'timedout') throw new SfnError('TaskTimedOut', 'Task Timed Out');
    return t;
  }
}

/** A fresh, unguessable task token. */
export function newTaskToken(): string {
  return randomBytes(36).toString('base64url');
}

/** The task's request with `$$.Task.Token` (a placeholder in the run's context) replaced by `token`. */
export function withTaskToken(value: Json, token: string): Json {
  if (typeof value === 'string') return value.replaceAll(TASK_TOKEN_PLACEHOLDER, () => token);
  if (Array.isArray(value)) return value.map((v) => withTaskToken(v, token));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withTaskToken(v, token)]));
  return value;
}
