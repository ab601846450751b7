import { describe, expect, it } from 'vitest';
import * as rights from '../../../../functions/modules/execution/usecases/resolution/assignment-rights';
import { actor, assignment, incoming, resolution } from '../../../support/execution-deps';

describe('what a caller may do in a resolution tree', () => {
  it('an assignment is held by its official and by whoever stands in for them', () => {
    // Arrange
    const a = assignment('ex-1', { ownerId: 'official', assigneeId: 'deputy' });

    // Act / Assert
    expect([
      rights.holds(actor('official'), a),
      rights.holds(actor('deputy'), a),
      rights.holds(actor('other'), a),
    ]).toEqual([true, true, false]);
  });

  it('an executor reports and writes sub-resolutions under an open resolution; the responsible one also closes', () => {
    // Arrange
    const open = resolution();
    const co = assignment('ex-1', { role: 'co-executor' });
    const responsible = assignment('ex-2', { role: 'responsible' });

    // Act / Assert
    expect(rights.actionsFor(actor('executor'), co, [open, co])).toEqual(['report', 'sub-resolution']);
    expect(rights.actionsFor(actor('executor'), responsible, [open, responsible])).toEqual([
      'report',
      'close',
      'sub-resolution',
    ]);
    // Once the resolution is with its controller, the executors have nothing left to do.
    const closed = resolution({ status: 'closed' });
    expect(rights.actionsFor(actor('executor'), responsible, [closed, responsible])).toEqual([]);
  });

  it('the controller accepts or returns a closed resolution; readers mark notices read; route tasks are decided', () => {
    // Arrange
    const closed = resolution({ status: 'closed', controllerId: 'boss' });
    const notice = assignment('n', { kind: 'information', status: 'unread', ownerId: 'r', assigneeId: 'r' });
    const endorsement = assignment('e', { kind: 'endorsement', ownerId: 'l', assigneeId: 'l' });
    const signing = assignment('s', { kind: 'signing', ownerId: 'd', assigneeId: 'd' });

    // Act / Assert
    expect(rights.actionsFor(actor('boss'), closed, [closed])).toEqual(['accept', 'return']);
    expect(rights.actionsFor(actor('r'), notice, [notice])).toEqual(['read']);
    expect(rights.actionsFor(actor('r'), { ...notice, status: 'read' }, [])).toEqual([]);
    expect(rights.actionsFor(actor('l'), endorsement, [])).toEqual(['approve', 'reject']);
    expect(rights.actionsFor(actor('d'), signing, [])).toEqual(['sign', 'reject']);
    expect(rights.actionsFor(actor('other'), signing, [])).toEqual([]);
  });

  it('resolving takes a status that allows it and the right to, or a route task to write it', () => {
    // Arrange
    const doc = incoming('doc-1', { addresseeId: 'boss' });
    const task = assignment('t', { kind: 'task', ownerId: 'deputy', assigneeId: 'deputy' });

    // Act / Assert
    expect(rights.mayResolve(actor('boss'), doc, [])).toBe(true);
    expect(rights.mayResolve(actor('head', ['head']), doc, [])).toBe(true);
    expect(rights.mayResolve(actor('deputy'), doc, [])).toBe(false);
    expect(rights.mayResolve(actor('deputy'), doc, [task])).toBe(true);
    expect(rights.mayResolve(actor('boss'), { ...doc, status: 'executed' }, [])).toBe(false);
  });
});
