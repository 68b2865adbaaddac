export { writeReport, type ReportOptions } from './report';
export type { ReportParagraph, ParagraphKind } from './outline';
export { reportProblems } from './check';
