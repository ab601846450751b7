import { describe, expect, it } from 'vitest';
import {
  byRuleOrder,
  journalAdmits,
  matchingRules,
  ruleMatches,
  type JournalFacts,
} from '../../../../functions/modules/reference/domain/journal-rules';
import type { JournalRule } from '../../../../functions/modules/reference/domain/lists';
import { referenceItem } from '../../../support/builders';

function rule(id: string, overrides: Partial<JournalRule> = {}): JournalRule {
  return referenceItem(id, {
    list: 'journal-rules',
    name: { az: `Qayda ${id}` },
    active: true,
    journalId: 'incoming',
    documentKind: 'incoming',
    priority: 100,
    documentTypeIds: [],
    classificationIds: [],
    departmentIds: [],
    deliveryFormIds: [],
    ...overrides,
  }) as JournalRule;
}

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
    expect(ruleMatches(rule('any-incoming'), appeal)).toBe(true);
    expect(ruleMatches(rule('citizens', { senderKind: 'citizen' }), appeal)).toBe(true);
    expect(
      ruleMatches(
        rule('full', {
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
      expect(ruleMatches(rule('r', overrides), appeal), JSON.stringify(overrides)).toBe(false);
    }
  });

  it('needs the fact a condition names: a rule on document types fails a document without a type', () => {
    const untyped: JournalFacts = { kind: 'incoming', senderKind: 'citizen', classificationPath: [] };

    expect(ruleMatches(rule('typed', { documentTypeIds: ['complaint'] }), untyped)).toBe(false);
    expect(ruleMatches(rule('classified', { classificationIds: ['housing'] }), untyped)).toBe(false);
  });

  it('matches a classification anywhere on the path up from the document’s classification', () => {
    expect(ruleMatches(rule('branch', { classificationIds: ['citizens-appeals'] }), appeal)).toBe(true);
    expect(ruleMatches(rule('leaf', { classificationIds: ['housing'] }), appeal)).toBe(true);
  });
});

describe('rule order', () => {
  it('tries lower priorities first, then the narrower rule, then by code', () => {
    const rules = [
      rule('broad', { priority: 50, code: 'a' }),
      rule('narrow', { priority: 50, senderKind: 'citizen', code: 'z' }),
      rule('first', { priority: 10, code: 'm' }),
      rule('b', { priority: 50, code: 'b' }),
    ];

    expect([...rules].sort(byRuleOrder).map((r) => r.id)).toEqual(['first', 'narrow', 'broad', 'b']);
    expect(matchingRules(rules, appeal).map((r) => r.id)).toEqual(['first', 'narrow', 'broad', 'b']);
  });

  it('lists only the rules the document meets', () => {
    const rules = [rule('orgs', { senderKind: 'organization' }), rule('citizens', { senderKind: 'citizen' })];

    expect(matchingRules(rules, appeal).map((r) => r.id)).toEqual(['citizens']);
  });
});

describe('journalAdmits', () => {
  const rules = [
    rule('citizens', { journalId: 'citizens', senderKind: 'citizen' }),
    rule('orgs', { journalId: 'incoming', senderKind: 'organization' }),
    rule('closed', { journalId: 'archive', senderKind: 'organization', active: false }),
    rule('orders', { journalId: 'general', documentKind: 'order' }),
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
