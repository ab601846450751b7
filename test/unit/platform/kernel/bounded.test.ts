import { describe, expect, it } from 'vitest';
import { boundedTasks } from '../../../../functions/platform/kernel/bounded';

/** A task that stays open until `finish` is called. */
function gate() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('boundedTasks', () => {
  it('runs at most the bound at a time and every task in the end', async () => {
    // Arrange
    const tasks = boundedTasks(2);
    const gates = [gate(), gate(), gate(), gate()];
    const running = new Set<number>();
    let most = 0;

    // Act
    const results = gates.map((g, i) =>
      tasks.run([], async () => {
        running.add(i);
        most = Math.max(most, running.size);
        await g.done;
        running.delete(i);
        return i;
      }),
    );
    await turn();
    const startedFirst = [...running];
    for (const g of gates) g.finish();
    await tasks.settled();

    // Assert
    expect(startedFirst).toEqual([0, 1]);
    expect(most).toBe(2);
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
  });

  it('starts a task only once what it waits for is done, without holding a slot meanwhile', async () => {
    // Arrange
    const tasks = boundedTasks(1);
    const order: string[] = [];
    const parentGate = gate();

    // Act
    const parent = tasks.run([], async () => {
      await parentGate.done;
      order.push('parent');
      return 'p';
    });
    const child = tasks.run([parent], async () => {
      order.push(`child of ${await parent}`);
    });
    const other = tasks.run([], async () => {
      order.push('other');
    });
    parentGate.finish();
    await Promise.all([child, other]);
    await tasks.settled();

    // Assert
    expect(order).toEqual(['parent', 'other', 'child of p']);
  });

  it('starts nothing more after a failure, and settles only once nothing runs', async () => {
    // Arrange
    const tasks = boundedTasks(2);
    const slow = gate();
    let slowDone = false;
    let lateRan = false;
    void tasks.run([], async () => {
      await slow.done;
      slowDone = true;
    });
    const failing = tasks.run([], () => Promise.reject(new Error('boom')));
    const dependent = tasks.run([failing], async () => undefined);
    void tasks.run([], async () => {
      lateRan = true;
    });

    // Act
    const settled = tasks.settled().then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await turn();
    const beforeSlowEnds = slowDone;
    slow.finish();

    // Assert
    expect(await settled).toBe('boom');
    await expect(dependent).rejects.toThrow('boom');
    expect(beforeSlowEnds).toBe(false);
    expect(slowDone).toBe(true);
    expect(lateRan).toBe(false);
  });
});
