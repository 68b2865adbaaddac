/** The two string tables stay complete, with a label for every step of the job. */
import type { JobStep } from '../../src/app/job';
import { STRINGS } from '../../src/taskpane/strings';

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, value]];
}

describe('strings', () => {
  it('labels every step of the job', () => {
    const steps: JobStep[] = ['read-state', 'read-names', 'evaluate', 'layout', 'write', 'done'];
    expect(Object.keys(STRINGS['zh-CN'].steps).sort()).toEqual([...steps].sort());
    expect(STRINGS['zh-CN'].steps['write']).toBe('写入工作簿');
  });

  it('has every entry in both tables, each a non-empty text or a text-making function', () => {
    const zh = leaves(STRINGS['zh-CN']);
    const en = leaves(STRINGS['en-US']);
    expect(en.map(([k]) => k)).toEqual(zh.map(([k]) => k));
    for (const [key, value] of [...zh, ...en]) {
      if (typeof value === 'function') {
        // ['X'] serves as a text (template literals), a number's stand-in and a list (join).
        const text = (value as (...a: unknown[]) => unknown)(['X'], ['Y']);
        expect(typeof text === 'string' && text.length > 0 && !/undefined|NaN|null/.test(text)).toBe(true);
      } else {
        expect([key, typeof value === 'string' && value.length > 0]).toEqual([key, true]);
      }
    }
  });

  it('keeps the spec wording of the messages the clerk must recognise', () => {
    const zh = STRINGS['zh-CN'];
    expect(zh.officeLoadFailed).toBe('Office 组件未能加载，请检查网络或联系管理员。');
    expect(zh.partialWrite).toBe('工作表可能只写入了一部分，请再次点击"计算指标"修复。');
    expect(zh.resultFileName('2021年部门数据')).toBe('2021年部门数据-自评结果.xlsx');
    expect(STRINGS['en-US'].resultFileName('2021年部门数据')).toBe('2021年部门数据-自评结果.xlsx');
  });
});
