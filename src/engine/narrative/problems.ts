/**
 * 四、存在的问题和整改情况: every warning finding that carries a problem (findings.ts words it, the one
 * source of that wording) becomes a problem in （一） and its measure in （二）, numbered alike
 * (docs/narrative.md "Problems and measures"). A problem without its own measure gets the generic one. When no warning
 * carries a problem, R19's usual non-numeric problems are used.
 */
import type { Evaluation } from '../types';
import type { FindingCode } from '../findingCodes';
import { FINDING_RULES } from '../findings';
import { sentence } from './words';

export interface Problem {
  code: FindingCode | 'R19-targets' | 'R19-use' | 'R19-capacity';
  problem: string;
  measure: string;
}

/** Findings that describe the self-evaluation itself, not the department: they are reported elsewhere. */
const NOT_A_PROBLEM = new Set<FindingCode>(['manual-scores-missing', 'missing-text', 'number-as-text']);

/**
 * The order of the finding rules (findings.ts), which is docs/narrative.md "Problems and measures"'s order, so that the report
 * reads the same from run to run; a warning of any other code comes after them.
 */
const ORDER: readonly FindingCode[] = FINDING_RULES.map((r) => r.code);

/** R19: used when no rule derived from the figures fires. */
export const USUAL_PROBLEMS: Problem[] = [
  {
    code: 'R19-targets',
    problem: '绩效目标细化量化不够。部分绩效指标仍以定性描述为主，可衡量的量化指标偏少。',
    measure: '完善绩效指标体系。结合职能和年度工作任务，细化量化绩效目标，提高指标的可衡量性。',
  },
  {
    code: 'R19-use',
    problem: '评价结果运用不足。绩效自评结果与预算安排的衔接还不够紧密。',
    measure: '强化结果运用。将绩效自评结果作为下一年度预算编制和安排的重要依据。',
  },
  {
    code: 'R19-capacity',
    problem: '绩效管理力量薄弱。从事预算绩效管理的人员较少，业务能力有待提高。',
    measure: '加强绩效管理队伍建设。开展预算绩效管理业务培训，明确专人负责绩效管理工作。',
  },
];

function rank(code: FindingCode): number {
  const i = ORDER.indexOf(code);
  return i < 0 ? ORDER.length : i;
}

const GENERIC_MEASURE = '查明原因，落实整改。针对上述问题明确责任和时限，逐项整改到位。';

/** Straight quotes of engine wording ("三公"经费) as Chinese quotes (“三公”经费), with a closing 。. */
function reportWording(text: string): string {
  return sentence(text.replace(/"([^"]*)"/g, '“$1”'));
}

/**
 * The problems of the warnings, in the order of the finding rules; empty when none has one. A warning
 * about the self-evaluation itself (a manual score out of range, a low scheme target) has no problem
 * wording and stays out: it is not a problem of the department.
 */
export function problemsOf(ev: Evaluation): Problem[] {
  const warnings = ev.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.severity === 'warning' && !NOT_A_PROBLEM.has(f.code))
    .sort((a, b) => rank(a.f.code) - rank(b.f.code) || a.i - b.i);
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const { f } of warnings) {
    const problem = f.problem;
    if (!problem) continue;
    const measure = f.measure ?? GENERIC_MEASURE;
    const text = reportWording(problem);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ code: f.code, problem: text, measure: reportWording(measure) });
  }
  return out;
}
