/** The one way our sheet readers read a cell back (评分方案, 评分表, 设置). */
import { cellNumber, cellText } from '../../src/sheets/cellValue';

test('text is trimmed; empty cells and error values read as empty', () => {
  expect(cellText('  比例 ')).toBe('比例');
  expect(cellText(95)).toBe('95');
  expect(cellText(true)).toBe('true');
  expect(cellText(null)).toBe('');
  expect(cellText(undefined)).toBe('');
  expect(cellText({ error: '#N/A' })).toBe('');
});

test('numbers come from numbers or numeric text, thousands separators allowed only where they group', () => {
  expect(cellNumber(4)).toBe(4);
  expect(cellNumber(' 3.5 ')).toBe(3.5);
  expect(cellNumber('-2')).toBe(-2);
  expect(cellNumber('1,000')).toBe(1000);
  expect(cellNumber('1，000.5')).toBe(1000.5);
  expect(cellNumber('1,5')).toBeUndefined();
  expect(cellNumber('四')).toBeUndefined();
  expect(cellNumber('')).toBeUndefined();
  expect(cellNumber(null)).toBeUndefined();
  expect(cellNumber(Number.NaN)).toBeUndefined();
  expect(cellNumber({ error: '#DIV/0!' })).toBeUndefined();
});
