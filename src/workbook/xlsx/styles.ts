/** styles.xml, reading side: the number format of a cell's style index (appending: styleAppender.ts). */
import { attr, local, parseString } from './xml';

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30), the ids a file may use without listing them. */
export const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The number format of each cell style index (`s` of a cell). */
export interface StyleFormats {
  format(styleIndex: number): string | undefined;
}

export function readStyleFormats(xml: string | undefined): StyleFormats {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  if (xml !== undefined) {
    parseString(xml, {
      open(tag) {
        const name = local(tag.name);
        if (name === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push(Number(attr(tag, 'numFmtId') ?? 0));
      },
      close(tag) {
        if (local(tag.name) === 'cellXfs') inCellXfs = false;
      },
    });
  }
  return {
    format(s) {
      const id = xfs[s] ?? 0;
      const f = custom.get(id) ?? BUILT_IN_FORMATS[id];
      return f && f !== 'General' ? f : undefined;
    },
  };
}
