export { writeReport, type ReportOptions } from './writeReport';
export type { ReportParagraph, ParagraphKind } from './outline';
export { reportProblems } from './check';
