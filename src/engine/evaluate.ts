/**
 * evaluate: validated inputs → the Evaluation every output is built from (indicators, item scores,
 * total, grade, findings). Pure and deterministic: the same inputs give the same Evaluation.
 */
import Decimal from 'decimal.js';
import type { Evaluation, EvaluationOptions, Finding, InputsRead, ItemScore, Severity } from './types';
import { TEXT_INPUTS } from './catalogue';
import { computeIndicators } from './indicatorDefinitions';
import { validateScheme } from './schemeValidation';
import { scoreScheme, type Scoring } from './scoring';
import { checkFigures, gradeAgainstProblems, missingTexts } from './findings';
import { ZERO } from './decimal';

/** Errors first, then warnings, then information; each group in the order the checks ran. */
function orderFindings(findings: readonly Finding[]): Finding[] {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) groups[f.severity].push(f);
  return [...groups.error, ...groups.warning, ...groups.info];
}

/** A scheme with errors scores nothing: the evaluation is blocked and only lists what is wrong. */
function unscored(options: EvaluationOptions): Scoring {
  const items: ItemScore[] = (Array.isArray(options.scheme.items) ? options.scheme.items : [])
    .filter((item) => item && typeof item === 'object')
    .map((item) => ({ item, manual: item.rule?.kind === 'manual', score: null, excluded: false }));
  return { items, total: ZERO, provisional: true, grade: '', findings: [] };
}

export function evaluate(read: InputsRead, options: EvaluationOptions): Evaluation {
  const { scheme } = options;
  const readings = read.readings;
  const officialExpensesBasis = scheme.officialExpensesBasis === '预算口径' ? '预算口径' : '决算口径';
  const indicators = computeIndicators({ readings, officialExpensesBasis });

  // The one place a scheme is validated; a scheme read from a sheet brings the sheet row of each item.
  const schemeFindings = validateScheme(scheme, options.schemeOrigin);
  const schemeBroken = schemeFindings.some((f) => f.severity === 'error');
  const scoring = schemeBroken ? unscored(options) : scoreScheme(scheme, indicators, options.manual);

  const findings: Finding[] = [
    ...read.findings,
    ...schemeFindings,
    ...checkFigures({ readings, indicators }),
    ...scoring.findings,
    ...missingTexts(readings, read.findings),
  ];
  if (!schemeBroken) {
    const problems = findings.filter((f) => f.severity === 'warning' && f.problem).map((f) => f.code);
    const disagreement = gradeAgainstProblems(scoring.grade, scheme.grades[0]?.grade, problems);
    if (disagreement) findings.push(disagreement);
  }
  const ordered = orderFindings(findings);

  const unitReading = readings['单位名称'];
  const yearReading = readings['评价年度'];
  const texts: Record<string, string | undefined> = {};
  for (const name of TEXT_INPUTS) {
    const r = readings[name];
    texts[name] = r?.status === 'found' && typeof r.value === 'string' && r.value.trim() !== '' ? r.value : undefined;
  }

  return {
    unit: unitReading?.status === 'found' && typeof unitReading.value === 'string' ? unitReading.value : '',
    year:
      yearReading?.status === 'found' && Decimal.isDecimal(yearReading.value)
        ? (yearReading.value as Decimal).toNumber()
        : 0,
    inputs: readings,
    texts,
    indicators,
    scheme,
    items: scoring.items,
    total: scoring.total,
    provisional: scoring.provisional,
    grade: scoring.grade,
    findings: ordered,
    blocked: ordered.some((f) => f.severity === 'error'),
  };
}
