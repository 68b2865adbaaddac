/**
 * Loading a scheme from a JSON file (`jixiao evaluate --scheme file.json`).
 *
 * The JSON shape is the Scheme type of types.ts:
 * {
 *   "name": "某市",                              // optional, default: the file name
 *   "notApplicable": "rescale" | "full",         // optional, default "rescale"
 *   "officialExpensesBasis": "决算口径" | "预算口径", // 三公口径, optional, default "决算口径"
 *                                                  // (older files call it "sangongBasis")
 *   "grades": [{ "grade": "优", "min": 90 }, …],  // optional, default 优90 良80 中60 差0
 *   "items": [
 *     { "level1": "投入", "level2": "预算配置", "level3": "在职人员控制率", "weight": 4,
 *       "indicator": "在职人员控制率",             // optional when level3 is the indicator's name
 *       "rule": { "kind": "ceiling", "limit": 100, "perPoint": 0.4 },
 *       "standard": "…" },                        // optional, default: generated from the rule
 *     …
 *   ]
 * }
 * rule is one of { "kind": "proportional", "target"?: 100 }, { "kind": "ceiling", "limit", "perPoint" },
 * { "kind": "bands", "bands": [{ "min"?, "minIncluded"?, "max"?, "maxIncluded"?, "score" }] },
 * { "kind": "quarterly" }, { "kind": "manual" }. Numbers may also be written as strings ("0.4").
 */
import type { Finding, Scheme, SchemeItem } from './types';
import { STANDARD_GRADES } from './schemes';
import { INDICATOR_BY_ID } from './indicatorDefinitions';
import { describeRule } from './rules';
import { validateScheme } from './schemeValidation';
import { ruleKindOf } from './schemeNotation';

function numberish(x: unknown): unknown {
  if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x.trim()))) return Number(x.trim());
  return x;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function normaliseItem(raw: unknown): SchemeItem {
  if (!isObject(raw)) return raw as SchemeItem;
  const item = { ...raw } as Record<string, unknown>;
  item.weight = numberish(item.weight);
  if (isObject(item.rule)) {
    const rule = { ...item.rule } as Record<string, unknown>;
    if (typeof rule.kind === 'string') rule.kind = ruleKindOf(rule.kind) ?? rule.kind.trim();
    for (const k of ['target', 'limit', 'perPoint']) if (k in rule) rule[k] = numberish(rule[k]);
    if (Array.isArray(rule.bands))
      rule.bands = rule.bands.map((b) =>
        isObject(b) ? { ...b, min: numberish(b.min), max: numberish(b.max), score: numberish(b.score) } : b,
      );
    item.rule = rule;
  }
  const it = item as unknown as SchemeItem;
  if (
    it.indicator === undefined &&
    it.rule &&
    it.rule.kind !== 'manual' &&
    typeof it.level3 === 'string' &&
    INDICATOR_BY_ID.has(it.level3.trim())
  )
    it.indicator = it.level3.trim();
  return it;
}

/** Parses and validates a scheme file; the scheme is returned only when it has no error. */
export function parseSchemeJson(text: string, source: string): { scheme?: Scheme; findings: Finding[] } {
  const label = `评分方案文件 ${source}`;
  const fail = (message: string) => ({
    findings: [{ code: 'scheme-invalid' as const, severity: 'error' as const, message, inputs: [], cells: [] }],
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(`${label} 不是有效的 JSON：${(e as Error).message}`);
  }
  if (!isObject(raw)) return fail(`${label} 应为一个 JSON 对象（含 items 数组）`);
  if (!Array.isArray(raw.items)) return fail(`${label} 缺少 items 数组（评分项列表）`);
  const baseName = source.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  const grades = Array.isArray(raw.grades)
    ? raw.grades.map((g) => (isObject(g) ? { ...g, min: numberish(g.min) } : g))
    : STANDARD_GRADES.map((g) => ({ ...g }));
  const scheme = {
    name: typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : baseName,
    description: typeof raw.description === 'string' ? raw.description : undefined,
    items: raw.items.map(normaliseItem),
    grades,
    notApplicable: raw.notApplicable ?? 'rescale',
    officialExpensesBasis: raw.officialExpensesBasis ?? raw['sangongBasis'] ?? '决算口径',
  } as Scheme;
  if (scheme.description === undefined) delete scheme.description;
  const findings = validateScheme(scheme, label);
  if (findings.some((f) => f.severity === 'error')) return { findings };
  for (const item of scheme.items)
    if (typeof item.standard !== 'string' || !item.standard.trim()) item.standard = describeRule(item);
  return { scheme, findings };
}
