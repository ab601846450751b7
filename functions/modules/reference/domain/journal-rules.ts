import type { JournalRule, RuleDocumentKind, SenderKind } from './lists';

/** What the journal rules look at in a document when it is numbered. */
export interface JournalFacts {
  kind: RuleDocumentKind;
  senderKind?: SenderKind;
  documentTypeId?: string;
  /** The document's classification and every classification above it (empty when unclassified). */
  classificationPath: readonly string[];
  departmentId?: string;
  deliveryFormId?: string;
}

const oneOf = (wanted: readonly string[], value: string | undefined) =>
  wanted.length === 0 || (value !== undefined && wanted.includes(value));

/** Whether an active rule of the document's kind holds for the document: every condition it sets. */
export function ruleMatches(rule: JournalRule, facts: JournalFacts): boolean {
  return (
    rule.active &&
    rule.documentKind === facts.kind &&
    (rule.senderKind === undefined || rule.senderKind === facts.senderKind) &&
    oneOf(rule.documentTypeIds, facts.documentTypeId) &&
    (rule.classificationIds.length === 0 ||
      rule.classificationIds.some((id) => facts.classificationPath.includes(id))) &&
    oneOf(rule.departmentIds, facts.departmentId) &&
    oneOf(rule.deliveryFormIds, facts.deliveryFormId)
  );
}

/** How many conditions a rule sets: of two rules with the same priority the narrower is tried first. */
export function conditionCount(rule: JournalRule): number {
  return (
    (rule.senderKind ? 1 : 0) +
    [rule.documentTypeIds, rule.classificationIds, rule.departmentIds, rule.deliveryFormIds].filter(
      (ids) => ids.length > 0,
    ).length
  );
}

/** The order rules are tried in: priority, then the narrower rule, then by code or name (stable). */
export function byRuleOrder(a: JournalRule, b: JournalRule): number {
  return (
    a.priority - b.priority ||
    conditionCount(b) - conditionCount(a) ||
    (a.code ?? a.name.az).localeCompare(b.code ?? b.name.az, 'az') ||
    a.id.localeCompare(b.id)
  );
}

/** The rules the document meets, in the order they are tried. */
export function matchingRules(rules: readonly JournalRule[], facts: JournalFacts): JournalRule[] {
  return rules.filter((r) => ruleMatches(r, facts)).sort(byRuleOrder);
}

/**
 * Whether a journal named explicitly may take the document by the rules. A journal that no active
 * rule of the document's kind points to takes any document of the kind (the kind itself is checked
 * elsewhere); a journal that rules point to is kept for the documents one of those rules describes,
 * so a citizen's appeal cannot be put into the journal of organizations' letters by hand.
 */
export function journalAdmits(
  rules: readonly JournalRule[],
  journalId: string,
  facts: JournalFacts,
): boolean {
  const pointing = rules.filter(
    (r) => r.active && r.documentKind === facts.kind && r.journalId === journalId,
  );
  return pointing.length === 0 || pointing.some((r) => ruleMatches(r, facts));
}
