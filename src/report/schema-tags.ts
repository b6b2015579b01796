// The version tags of netral's JSON shapes, without zod (commands that only write a tag must not
// load the schemas, ./schemas.ts).
export const SEARCH_SCHEMA = 'netral.search/1';
export const SEARCH_HIT_SCHEMA = 'netral.search-hit/1';
export const SUBJECT_SCHEMA = 'netral.subject/1';
export const SUBJECT_LIST_SCHEMA = 'netral.subject-list/1';
export const VERIFY_SCHEMA = 'netral.verify/1';
export const RULES_TEST_SCHEMA = 'netral.rules-test/1';
export const RULE_SCHEMA = 'netral.rule/1';
export const RULE_LIST_SCHEMA = 'netral.rule-list/1';
