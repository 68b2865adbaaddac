/**
 * The clerk's own texts (ev.texts): inserted verbatim, one paragraph per line of the cell, and where
 * a text is missing a plain request saying what to write (docs/inputs.md "Text for the narrative").
 */
import type { Evaluation } from '../types';

/** What each missing text asks for. */
export const TEXT_REQUESTS: Record<string, string> = {
  单位概况: '本单位概况，包括主要职能、内设机构和人员情况',
  绩效目标: '本单位年度绩效目标的设立情况',
  预算管理制度: '本单位预算管理制度建设情况',
  绩效管理机制: '本单位预算绩效管理机制建设情况',
  绩效目标完成情况: '本单位年度绩效目标的完成情况',
  经济效益: '本单位经济效益情况',
  社会效益: '本单位社会效益情况',
  生态效益: '本单位生态效益情况',
  满意度说明: '满意度调查的方式、对象和结果',
  存在问题: '除上述问题外本单位自查发现的其他问题；没有其他问题的，请在“存在问题”中填写“无”',
  改进措施: '除上述措施外本单位拟采取的其他改进措施；没有的，请在“改进措施”中填写“无”',
  主要经验: '本单位在预算绩效管理中的主要经验及做法',
  其他说明: '其他需说明的情况',
};

/** The text the clerk gave, trimmed; undefined when empty. */
export function clerkText(ev: Evaluation, name: string): string | undefined {
  const t = ev.texts[name];
  if (typeof t !== 'string') return undefined;
  const trimmed = t.trim();
  return trimmed ? trimmed : undefined;
}

/** The lines of a clerk text, each one paragraph; blank lines dropped, nothing else changed. */
export function textParagraphs(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/** "（请补充：本单位经济效益情况。）" */
export function request(name: string): string {
  const what = TEXT_REQUESTS[name] ?? name;
  return `（请补充：${what}。）`;
}

/** The clerk's paragraphs, or the request when the text is missing. */
export function textOrRequest(ev: Evaluation, name: string): string[] {
  const t = clerkText(ev, name);
  return t ? textParagraphs(t) : [request(name)];
}

/** "无" typed into a supplement (存在问题, 改进措施) means there is nothing to add. */
export function saysNothing(text: string): boolean {
  return /^无[。.]?$/.test(text.trim());
}
