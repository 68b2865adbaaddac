/** The engine's public surface: host-free, plain data in, plain data out. */
export { evaluate } from './evaluate';
export { toEvaluationJson } from './json';
export type { EvaluationJson, IndicatorJson, ItemJson, FindingJson, QuarterJson } from './json';
export { listPresets, getPreset, STANDARD_GRADES } from './schemes';
export { validateScheme } from './schemeValidation';
export { parseSchemeJson } from './schemeJson';
export { INDICATORS, INDICATOR_BY_ID } from './indicatorDefinitions';
export type { IndicatorDef, IndicatorKind } from './indicatorKinds';
export { RULE_KINDS, describeRule } from './rules';
export { gradeOf } from './scoring';
export { FINDING_RULES } from './findings';
export { QUARTER_INPUTS, QUARTER_NAMES, SCHEDULE_TARGETS } from './paymentProgress';
export {
  rate,
  round2,
  formatRate,
  formatPercent,
  formatAmount,
  proseAmount,
  proseRate,
  formatPoints,
  formatScore,
  formatCount,
} from './format';
