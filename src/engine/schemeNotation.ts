/**
 * The rule notation of the 评分方案 sheet: a scheme row's 规则 and 参数 in short Chinese, read and
 * written here (the JSON form of a scheme is schemeJson.ts):
 *
 *   规则      参数
 *   比例      目标=100                       得分＝分值×指标值÷目标，达到目标得满分（目标可省略，默认100）
 *   上限扣分  上限=100; 每点扣=0.4           不超过上限得满分，每超1个百分点扣0.4分，扣完为止
 *   区间      ≥90:4; [80,90):3.2; <60:0      指标值所在区间的得分；[ ] 含端点，( ) 不含，=0:3 表示等于0
 *   季度      （无）                          支付进度率按季度与序时进度比较
 *   手工      （无）                          定性指标，在评分表中人工评分
 *
 * A clerk types full-width punctuation (：；［）＝) as readily as ASCII; both are read.
 */
import type { Band, Rule } from './types';

/** The word the sheet writes for each rule kind. */
export const RULE_WORDS: Record<Rule['kind'], string> = {
  proportional: '比例',
  ceiling: '上限扣分',
  bands: '区间',
  quarterly: '季度',
  manual: '手工',
};

/** What a clerk may type in 规则, and the rule kind it means. */
const RULE_ALIASES: Record<string, Rule['kind']> = {
  比例: 'proportional',
  按比例: 'proportional',
  按比例计分: 'proportional',
  proportional: 'proportional',
  上限扣分: 'ceiling',
  超限扣分: 'ceiling',
  上限: 'ceiling',
  ceiling: 'ceiling',
  区间: 'bands',
  分档: 'bands',
  分档计分: 'bands',
  bands: 'bands',
  季度: 'quarterly',
  按季度: 'quarterly',
  quarterly: 'quarterly',
  手工: 'manual',
  人工: 'manual',
  人工评分: 'manual',
  定性: 'manual',
  manual: 'manual',
};

/** The rule kind a word means (比例, 上限扣分, 分档计分, 人工 … or the English kind), if any. */
export function ruleKindOf(word: string): Rule['kind'] | undefined {
  const w = word.trim();
  return Object.prototype.hasOwnProperty.call(RULE_ALIASES, w) ? RULE_ALIASES[w] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing the notation
// ---------------------------------------------------------------------------------------------

function n(x: number): string {
  return String(x);
}

/** "≥90", "[80,90)", "=0", "(0,10]", "<60". */
export function intervalText(b: Band): string {
  if (b.min !== undefined && b.max !== undefined) {
    if (b.min === b.max) return `=${n(b.min)}`;
    return `${b.minIncluded ? '[' : '('}${n(b.min)},${n(b.max)}${b.maxIncluded ? ']' : ')'}`;
  }
  if (b.min !== undefined) return `${b.minIncluded ? '≥' : '>'}${n(b.min)}`;
  if (b.max !== undefined) return `${b.maxIncluded ? '≤' : '<'}${n(b.max)}`;
  return '任意';
}

/** The 参数 text of a rule. */
export function ruleParameters(rule: Rule): string {
  switch (rule.kind) {
    case 'proportional':
      return rule.target === undefined || rule.target === 100 ? '' : `目标=${n(rule.target)}`;
    case 'ceiling':
      return `上限=${n(rule.limit)}; 每点扣=${n(rule.perPoint)}`;
    case 'bands':
      return rule.bands.map((b) => `${intervalText(b)}:${n(b.score)}`).join('; ');
    default:
      return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the notation
// ---------------------------------------------------------------------------------------------

/** Full-width punctuation a Chinese IME types, as ASCII; ≥ ≤ kept; % dropped. */
function normalise(s: string): string {
  return s
    .replace(/[［【]/g, '[')
    .replace(/[］】]/g, ']')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[，、]/g, ',')
    .replace(/：/g, ':')
    .replace(/；/g, ';')
    .replace(/＝/g, '=')
    .replace(/＞=|>=|≧/g, '≥')
    .replace(/＜=|<=|≦/g, '≤')
    .replace(/＞/g, '>')
    .replace(/＜/g, '<')
    .replace(/[%％]/g, '')
    .replace(/[^\S\n]+/g, '');
}

const NUM = '(-?\\d+(?:\\.\\d+)?)';

function parseInterval(s: string): Omit<Band, 'score'> | string {
  let m = new RegExp(`^=${NUM}$`).exec(s);
  if (m) return { min: Number(m[1]), minIncluded: true, max: Number(m[1]), maxIncluded: true };
  m = new RegExp(`^(≥|>)${NUM}$`).exec(s);
  if (m) return { min: Number(m[2]), minIncluded: m[1] === '≥' };
  m = new RegExp(`^(≤|<)${NUM}$`).exec(s);
  if (m) return { max: Number(m[2]), maxIncluded: m[1] === '≤' };
  m = new RegExp(`^([\\[(])${NUM}?,${NUM}?([\\])])$`).exec(s);
  if (m && (m[2] !== undefined || m[3] !== undefined)) {
    const band: Omit<Band, 'score'> = {};
    if (m[2] !== undefined) Object.assign(band, { min: Number(m[2]), minIncluded: m[1] === '[' });
    if (m[3] !== undefined) Object.assign(band, { max: Number(m[3]), maxIncluded: m[4] === ']' });
    return band;
  }
  return `无法识别区间“${s}”`;
}

/** "≥90:4; [80,90):3.2; <60:0" → bands, or the first problem. */
export function parseBands(text: string): Band[] | string {
  const parts = normalise(text)
    .split(/[;\n]/)
    .filter((p) => p);
  if (!parts.length) return '区间规则缺少参数，例如“≥90:4; [80,90):3.2; <60:0”';
  const bands: Band[] = [];
  for (const part of parts) {
    const at = part.lastIndexOf(':');
    if (at < 0) return `“${part}”缺少得分，应写成“区间:得分”`;
    const interval = parseInterval(part.slice(0, at));
    if (typeof interval === 'string') return interval;
    const score = Number(part.slice(at + 1));
    if (part.slice(at + 1) === '' || !Number.isFinite(score)) return `“${part}”的得分不是数字`;
    bands.push({ ...interval, score });
  }
  return bands;
}

/** "上限=100; 每点扣=0.4" → { 上限: 100, 每点扣: 0.4 }, or the first problem. */
function parsePairs(text: string): Record<string, number> | string {
  const out: Record<string, number> = {};
  for (const part of normalise(text)
    .split(/[;,\n]/)
    .filter((p) => p)) {
    const m = new RegExp(`^([^=:]+)[=:]${NUM}$`).exec(part);
    if (!m) return `无法识别参数“${part}”，应写成“名称=数字”`;
    out[m[1]] = Number(m[2]);
  }
  return out;
}

/** The rule of a row from its 规则 and 参数 cells, or the problem in Chinese. */
export function parseRule(ruleText: string, params: string): Rule | string {
  const kind = ruleKindOf(ruleText);
  if (!kind) return `规则“${ruleText}”无法识别，应为 比例、上限扣分、区间、季度 或 手工`;
  if (kind === 'bands') {
    const bands = parseBands(params);
    return typeof bands === 'string' ? bands : { kind, bands };
  }
  if (kind === 'quarterly' || kind === 'manual') return { kind };
  const pairs = parsePairs(params);
  if (typeof pairs === 'string') return pairs;
  if (kind === 'proportional') {
    const target = pairs['目标'] ?? pairs['目标值'];
    const unknown = Object.keys(pairs).filter((k) => k !== '目标' && k !== '目标值');
    if (unknown.length) return `比例规则只有参数“目标”，不认识“${unknown.join('、')}”`;
    return target === undefined ? { kind } : { kind, target };
  }
  const limit = pairs['上限'];
  const perPoint = pairs['每点扣'] ?? pairs['每个百分点扣'] ?? pairs['扣分'];
  if (limit === undefined) return '上限扣分规则缺少参数“上限”，例如“上限=100; 每点扣=0.4”';
  if (perPoint === undefined) return '上限扣分规则缺少参数“每点扣”，例如“上限=100; 每点扣=0.4”';
  return { kind, limit, perPoint };
}
