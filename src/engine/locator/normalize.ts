/**
 * Label normalisation: what the clerk typed in a label cell → the key the synonym table is written
 * in. Full-width forms become half-width (NFKC), spaces inside labels go (全 年 预 算 数), quotes
 * around 三公 go, numbering and prefixes go (1.、（一）、①、其中：), trailing colons go, and
 * bracketed parts go — a bracketed unit（万元）is kept aside, since it says what the figure is in.
 */
import { unitOf, type Unit } from './units';

export interface Label {
  /** The normalised key, e.g. 三公经费支出数. */
  key: string;
  /** The label began with 其中: a sub-item of the row above, never a confident match. */
  subItem: boolean;
  /** A unit written in brackets in the label: 全年预算数（元）. */
  unit?: Unit;
}

const CIRCLED = /^[\u2460-\u2473\u2776-\u277f]/;
const QUOTES = /["'`“”‘’「」『』〝〞]/g;
const NUMBERING = [
  /^\d{1,2}(?:\.\d{1,2})*[.、](?!\d)/, // 1.  1、  2.1.
  /^\(\s*[\d一二三四五六七八九十]{1,3}\s*\)[.、]?/, // (1) （一）
  /^[一二三四五六七八九十]{1,3}[、.]/, // 一、
  /^[a-zA-Z][.、)]/, // a.  b)
];
const SUB_ITEM = /^其中[:：]?/;
const BRACKETS = /[([【［]([^()[\]【】［］]*)[)\]】］]/g;

/** Labels repeat across sheets and workbooks: normalised once each (bounded). */
const CACHE = new Map<string, Label>();

export function normalizeLabel(raw: string): Label {
  const cached = CACHE.get(raw);
  if (cached) return cached;
  const label = normalize(raw);
  if (CACHE.size > 50_000) CACHE.clear();
  CACHE.set(raw, label);
  return label;
}

function normalize(raw: string): Label {
  let s = raw.replace(CIRCLED, '').normalize('NFKC').replace(/\s+/g, '').replace(QUOTES, '');
  let subItem = false;
  for (let changed = true; changed;) {
    changed = false;
    for (const re of NUMBERING) {
      if (re.test(s)) {
        s = s.replace(re, '');
        changed = true;
      }
    }
    if (SUB_ITEM.test(s)) {
      s = s.replace(SUB_ITEM, '');
      subItem = true;
      changed = true;
    }
  }
  let unit: Unit | undefined;
  s = s.replace(BRACKETS, (_all, inner: string) => {
    unit ??= unitOf(inner);
    return '';
  });
  s = s.replace(/[:：]+$/, '');
  const label: Label = { key: s, subItem };
  if (unit) label.unit = unit;
  return label;
}
