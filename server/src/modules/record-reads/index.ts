export { loadRuleRecord, ownerOf, ruleRecordOf } from './rule-record.js';
