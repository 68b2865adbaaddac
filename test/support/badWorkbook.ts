/** A clerk's workbook with two blocking errors: 编制数 is the text 待定 (基础数据!B3) and 全年预算数 is not defined. */
import type { WorkbookFixture } from './fixture';

export const BLOCKED_WORKBOOK: WorkbookFixture = {
  sheets: [{ name: '基础数据', cells: { B1: '某局', B2: 2021, B3: '待定', B4: 15, B5: 100 } }],
  names: [
    { name: '单位名称', refersTo: '基础数据!$B$1' },
    { name: '评价年度', refersTo: '基础数据!$B$2' },
    { name: '编制数', refersTo: '基础数据!$B$3' },
    { name: '在职人员数', refersTo: '基础数据!$B$4' },
    { name: '全年执行数', refersTo: '基础数据!$B$5' },
  ],
};
