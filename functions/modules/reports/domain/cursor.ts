import { BadRequestError } from '../../../platform/kernel/errors';

/**
 * A report reads several lists one after the other (one per document kind): its cursor names the
 * list (`part`) and the list's own cursor within it.
 */
export interface MultiCursor {
  part: number;
  cursor?: string;
}

export function encodeCursor(at: MultiCursor): string {
  return Buffer.from(JSON.stringify(at.cursor ? [at.part, at.cursor] : [at.part])).toString('base64url');
}

/** The start when absent; a malformed cursor is a 400 on `cursor`. */
export function decodeCursor(value: string | undefined, parts: number): MultiCursor {
  if (!value) return { part: 0 };
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      Number.isInteger(parsed[0]) &&
      (parsed[0] as number) >= 0 &&
      (parsed[0] as number) < parts &&
      (parsed.length === 1 || (parsed.length === 2 && typeof parsed[1] === 'string'))
    )
      return { part: parsed[0] as number, ...(parsed[1] ? { cursor: parsed[1] as string } : {}) };
  } catch {
    // falls through to the 400
  }
  throw new BadRequestError([{ path: 'cursor', code: 'invalid_cursor' }]);
}

/** Every item of a paged read, page after page, until a page comes without a cursor. */
export async function* pageByPage<R>(
  next: (cursor: string | undefined) => Promise<{ items: readonly R[]; nextCursor?: string }>,
): AsyncGenerator<R> {
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
