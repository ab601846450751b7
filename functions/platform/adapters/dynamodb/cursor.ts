import type { Page } from '../../kernel/aggregate';
import { BadRequestError } from '../../kernel/errors';

/** A cursor from another query or tenant makes DynamoDB refuse the start key: a 400, not a 500. */
export async function withCursor<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    const text = String((error as Error).message ?? '');
    if (/cursor|ExclusiveStartKey|starting key|Exclusive Start Key/i.test(text)) {
      throw new BadRequestError([{ path: 'cursor', code: 'invalid_cursor' }]);
    }
    throw error;
  }
}

/** A page of a query's answer: its rows mapped, and the cursor of the next page when there is one. */
export async function pageOf<R, T>(
  run: () => Promise<{ data: R[]; cursor: string | null }>,
  map: (row: R) => T,
): Promise<Page<T>> {
  const res = await withCursor(run);
  return { items: res.data.map(map), ...(res.cursor ? { nextCursor: res.cursor } : {}) };
}
