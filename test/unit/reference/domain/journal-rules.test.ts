import { describe, expect, it } from 'vitest';
import {
  byRuleOrder,
  journalAdmits,
  matchingRules,
  ruleMatches,
  type JournalFacts,
} from '../../../../functions/modules/reference/domain/journal-rules';
import { journalRule } from '../../../support/builders';

const appeal: JournalFacts = {
  kind: 'incoming',
  senderKind: 'citizen',
  documentTypeId: 'complaint',
  classificationPath: ['housing', 'citizens-appeals'],
  departmentId: 'registry',
  deliveryFormId: 'post',
};

describe('ruleMatches', () => {
  it('holds when every condition the rule sets holds; an empty list sets none', () => {
    expect(ruleMatches(journalRule('any-incoming'), appeal)).toBe(true);
    expect(ruleMatches(journalRule('citizens', { senderKind: 'citizen' }), appeal)).toBe(true);
    expect(
      ruleMatches(
        journalRule('full', {
          senderKind: 'citizen',
          documentTypeIds: ['application', 'complaint'],
          classificationIds: ['citizens-appeals'],
          departmentIds: ['registry'],
          deliveryFormIds: ['post', 'in-person'],
        }),
        appeal,
      ),
    ).toBe(true);
  });

  it('fails on any condition the document does not meet, or on another kind, or when inactive', () => {
    for (const overrides of [
      { senderKind: 'organization' as const },
      { documentTypeIds: ['application'] },
      { classificationIds: ['finance'] },
      { departmentIds: ['legal'] },
      { deliveryFormIds: ['e-service'] },
      { documentKind: 'outgoing' as const },
      { active: false },
    ]) {
      expect(ruleMatches(journalRule('r', overrides), appeal), JSON.stringify(overrides)).toBe(false);
    }
  });

  it('needs the fact a condition names: a rule on document types fails a document without a type', () => {
    const untyped: JournalFacts = { kind: 'incoming', senderKind: 'citizen', classificationPath: [] };

    expect(ruleMatches(journalRule('typed', { documentTypeIds: ['complaint'] }), untyped)).toBe(false);
    expect(ruleMatches(journalRule('classified', { classificationIds: ['housing'] }), untyped)).toBe(false);
  });

  it('matches a classification anywhere on the path up from the document’s classification', () => {
    expect(ruleMatches(journalRule('branch', { classificationIds: ['citizens-appeals'] }), appeal)).toBe(
      true,
    );
    expect(ruleMatches(journalRule('leaf', { classificationIds: ['housing'] }), appeal)).toBe(true);
  });
});

describe('rule order', () => {
  it('tries lower priorities first, then the narrower rule, then by code', () => {
    const rules = [
      journalRule('broad', { priority: 50, code: 'a' }),
      journalRule('narrow', { priority: 50, senderKind: 'citizen', code: 'z' }),
      journalRule('first', { priority: 10, code: 'm' }),
      journalRule('b', { priority: 50, code: 'b' }),
    ];

    expect([...rules].sort(byRuleOrder).map((r) => r.id)).toEqual(['first', 'narrow', 'broad', 'b']);
    expect(matchingRules(rules, appeal).map((r) => r.id)).toEqual(['first', 'narrow', 'broad', 'b']);
  });

  it('lists only the rules the document meets', () => {
    const rules = [
      journalRule('orgs', { senderKind: 'organization' }),
      journalRule('citizens', { senderKind: 'citizen' }),
    ];

    expect(matchingRules(rules, appeal).map((r) => r.id)).toEqual(['citizens']);
  });
});

describe('journalAdmits', () => {
  const rules = [
    journalRule('citizens', { journalId: 'citizens', senderKind: 'citizen' }),
    journalRule('orgs', { journalId: 'incoming', senderKind: 'organization' }),
    journalRule('closed', { journalId: 'archive', senderKind: 'organization', active: false }),
    journalRule('orders', { journalId: 'general', documentKind: 'order' }),
  ];

  it('lets a journal kept by rules take only what one of its rules describes', () => {
    expect(journalAdmits(rules, 'citizens', appeal)).toBe(true);
    expect(journalAdmits(rules, 'incoming', appeal)).toBe(false);
  });

  it('leaves a journal free that no active rule of the kind points to', () => {
    expect(journalAdmits(rules, 'general', appeal)).toBe(true);
    expect(journalAdmits(rules, 'archive', appeal)).toBe(true);
  });
});
