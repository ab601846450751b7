import type * as z from 'zod';
import { ValidationError } from './errors';

/**
 * A Step Functions task Lambda: the state's input is read with `event` — one that does not match
 * fails the state with a ValidationError naming the paths — and `run` does the work with the
 * container's dependencies. Its answer becomes the state's output.
 */
export function stepTask<S extends z.ZodType, D, R>(
  event: S,
  run: (deps: D, input: z.infer<S>) => Promise<R>,
): (raw: unknown, deps: D) => Promise<R> {
  return async (raw, deps) => {
    const parsed = event.safeParse(raw);
    if (!parsed.success) {
      throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
    }
    return run(deps, parsed.data);
  };
}
