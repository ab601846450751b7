import { describe, expect, it } from 'vitest';
import {
  currentRoute,
  editable,
  mayRoute,
  refuseRunning,
  view,
} from '../../../../functions/modules/approval/usecases/approval-route/route-view';
import {
  actor,
  executionDeps,
  orderDraft,
  routeTemplate,
  runningRoute,
} from '../../../support/execution-deps';

describe('a document’s route as the Viza tab shows it', () => {
  it('the author, the registry office and the head shape the route; others do not', () => {
    // Arrange
    const doc = orderDraft();

    // Act / Assert
    expect(mayRoute(actor('author'), doc)).toBe(true);
    expect(mayRoute(actor('x', ['clerk']), doc)).toBe(true);
    expect(mayRoute(actor('y', ['head']), doc)).toBe(true);
    expect(mayRoute(actor('z', ['approver']), doc)).toBe(false);
  });

  it('a route can change before it starts and after a rejection only', () => {
    // Act / Assert
    expect(editable(undefined)).toBe(true);
    expect(
      ['draft', 'rejected', 'running', 'completed'].map((state) =>
        editable({ ...runningRoute([], []), state: state as 'draft' }),
      ),
    ).toEqual([true, true, false, false]);
    expect(() => refuseRunning()).toThrow(expect.objectContaining({ code: 'route_running' }));
  });

  it('offers edit and start to the author of a draft route with stages, nothing on a cancelled document', () => {
    // Arrange
    const draft = { ...runningRoute(['lawyer'], ['e']), state: 'draft' as const, steps: [] };

    // Act
    const own = view(orderDraft(), draft, actor('author'));
    const empty = view(orderDraft(), { ...draft, stages: [] }, actor('author'));
    const cancelled = view(orderDraft('ord-1', { status: 'cancelled' }), draft, actor('author'));
    const other = view(orderDraft(), draft, actor('stranger'));

    // Assert
    expect([own.actions, empty.actions, cancelled.actions, other.actions]).toEqual([
      ['edit', 'start'],
      ['edit'],
      [],
      [],
    ]);
  });

  it('keeps the document’s own route over any template', async () => {
    // Arrange
    const w = executionDeps();
    w.store.seed('route-template', routeTemplate('general'));
    const own = { ...runningRoute(['lawyer'], ['e']), state: 'rejected' as const };

    // Act
    const route = await currentRoute(w.deps, actor('author'), orderDraft('ord-1', { route: own }));

    // Assert
    expect(route).toBe(own);
  });
});
