/** The sample department with the clerk's own 上报表: four cells named like our results, one holding a formula. */
import type { WorkbookFixture } from './fixture';
import { sampleBytes } from './filled';
import { dumpFixture } from './xlsxFixture';

export async function clerkForm(): Promise<WorkbookFixture> {
  const fixture = await dumpFixture(sampleBytes());
  fixture.sheets.push({
    name: '上报表',
    cells: {
      A1: '自评得分',
      B1: null,
      A2: '评价等级',
      B2: '待定',
      A3: '在职人员控制率',
      B3: 0.5,
      A4: '合计得分',
      B4: { formula: '=B1+0', value: 0 },
      C1: '备用',
    },
  });
  fixture.names.push(
    { name: '自评得分', refersTo: '上报表!$B$1' },
    { name: '评价等级', refersTo: '上报表!$B$2' },
    { name: '在职人员控制率', refersTo: '上报表!$B$3' },
    { name: '合计得分', refersTo: '上报表!$B$4' },
  );
  return fixture;
}
