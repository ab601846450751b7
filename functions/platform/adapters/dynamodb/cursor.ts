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
