/**
 * Independent writes run side by side, at most `limit` at a time: a task may first wait for
 * others (a child for its parent, outside the bound), then takes a slot for its own work.
 *
 * Once a task fails, tasks not yet started are not started (they fail with that error too), and
 * `settled` waits until nothing runs any more before it throws that first failure: a caller that
 * sees the error knows no write of the group is still under way.
 */
export interface BoundedTasks {
  /** Runs `work` once every promise in `after` resolved (an absent one counts as done) and a slot is free. */
  run<T>(after: readonly (Promise<unknown> | undefined)[], work: () => Promise<T>): Promise<T>;
  /** Waits for every task run so far (and any they run meanwhile); throws the first failure. */
  settled(): Promise<void>;
}

export function boundedTasks(limit: number): BoundedTasks {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`bound must be a positive integer: ${limit}`);
  let active = 0;
  const waiting: Array<() => void> = [];
  const all: Promise<unknown>[] = [];
  let failure: { error: unknown } | undefined;

  const acquire = async () => {
    if (active < limit) {
      active += 1;
      return;
    }
    // The releasing task hands its slot over (active stays the same).
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  return {
    run<T>(after: readonly (Promise<unknown> | undefined)[], work: () => Promise<T>): Promise<T> {
      const task = (async () => {
        await Promise.all(after);
        await acquire();
        try {
          if (failure) throw failure.error;
          return await work();
        } catch (error) {
          // Recorded before the slot is handed on, so the next task sees it.
          failure ??= { error };
          throw error;
        } finally {
          release();
        }
      })();
      // Handled here (a failure is reported by `settled`); callers awaiting `task` still see it.
      all.push(
        task.catch((error: unknown) => {
          failure ??= { error };
        }),
      );
      return task;
    },
    async settled(): Promise<void> {
      // Tasks may run further tasks while these settle: wait until the list stops growing.
      for (let seen = 0; seen < all.length;) {
        const batch = all.slice(seen);
        seen = all.length;
        await Promise.all(batch);
      }
      if (failure) throw failure.error;
    },
  };
}
