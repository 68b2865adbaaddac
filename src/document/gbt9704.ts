/**
 * The measurements of 党政机关公文格式 (GB/T 9704-2012) the Word report is set in, as named data: one
 * place for every size, margin and font. Word measures in twips (1/20 pt) and half-points.
 */

export const TWIPS_PER_PT = 20;
export const PT_PER_MM = 72 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * PT_PER_MM * TWIPS_PER_PT);
}

/** 字号 in points. */
export const FONT_SIZE_PT = { 二号: 22, 三号: 16, 四号: 14, 小四: 12 } as const;

/** A4, and the margins of §5.2.1 (天头 37 mm, 订口 28 mm; 版心 156 mm × 225 mm). */
export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const TEXT_AREA_MM = {
  width: PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right,
  height: PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom,
} as const;

/** §5.2.3: 一般每面排 22 行，每行排 28 个字. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** The body size (三号): the unit of 字 for indents. */
export const BODY_PT = FONT_SIZE_PT.三号;

/** Exact line spacing: 225 mm ÷ 22 lines, rounded down to whole twips (579 twips = 28.95 pt). */
export const LINE_TWIPS = Math.floor(mmToTwips(TEXT_AREA_MM.height) / LINES_PER_PAGE);

/**
 * 28 characters on 156 mm: 三号 characters are set closer by this run character spacing (twips, rounded
 * away from zero so that the 28th character always fits: 28 × 15.75 pt ≤ 442.2 pt). A run property,
 * not Word's document grid, because Word, WPS and LibreOffice all honour it alike.
 */
export const CHAR_SPACING_TWIPS = Math.floor(
  ((TEXT_AREA_MM.width * PT_PER_MM) / CHARS_PER_LINE - BODY_PT) * TWIPS_PER_PT,
);

/** One 字 of body text in twips, for indents: 首行缩进 2 字, 成文日期 右空 4 字. */
export const CHAR_TWIPS = BODY_PT * TWIPS_PER_PT;

/**
 * §7.5: 页码 in 4号半角宋体阿拉伯数字, 一字线 on each side, 7 mm below the text area; odd pages right
 * with one 字 of space, even pages left. The footer distance is to the page number's line, centred on
 * those 7 mm.
 */
export const PAGE_NUMBER_GAP_MM = 7;
export const FOOTER_MM = MARGIN_MM.bottom - PAGE_NUMBER_GAP_MM - FONT_SIZE_PT.四号 / PT_PER_MM / 2;
export const PAGE_NUMBER_DASH = '—';

/** Fonts are named, never embedded; Latin text and digits use the named fallback. */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Characters of 二号 a title line holds: 156 mm at 22 pt. */
export const TITLE_CHARS_PER_LINE = Math.floor((TEXT_AREA_MM.width * PT_PER_MM) / FONT_SIZE_PT.二号);

/**
 * The attachment's landscape pages keep the same 版心 turned a quarter: the sheet is rotated, so the
 * portrait left (订口) and right margins become top and bottom, and top and bottom become right and left.
 */
export const LANDSCAPE_MARGIN_MM = {
  top: MARGIN_MM.left,
  bottom: MARGIN_MM.right,
  left: MARGIN_MM.bottom,
  right: MARGIN_MM.top,
} as const;

/** The attachment's table: 小四 in the cells. */
export const TABLE_PT = FONT_SIZE_PT.小四;
