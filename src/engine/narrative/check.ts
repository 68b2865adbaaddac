/**
 * The last look before a report reaches a sheet (docs/outputs.md "No placeholder, undefined, NaN or null
 * ever reaches the sheet"; docs/narrative.md "Rounding and wording"): what a generated paragraph must never contain.
 */
import type { ReportParagraph } from './outline';

const FORBIDDEN: [RegExp, string][] = [
  [/undefined/, '含有 undefined'],
  [/NaN/, '含有 NaN'],
  [/null/, '含有 null'],
  [/\[object/, '含有 [object'],
  [/\{\{|\}\}/, '含有未替换的占位符'],
  [/(^|[^0-9A-Za-z)）])[-−]\s?\d/, '数字前有负号'],
  [/增长-|增加-|减少-|下降-/, '变化方向与负号并用'],
];

/** The problems of a report, each naming the paragraph; empty when the report is clean. */
export function reportProblems(paragraphs: ReportParagraph[]): string[] {
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    if (!p.text.trim()) out.push(`第${i + 1}段为空`);
    for (const [pattern, what] of FORBIDDEN)
      if (pattern.test(p.text)) out.push(`第${i + 1}段${what}：${p.text.slice(0, 40)}`);
  });
  return out;
}
