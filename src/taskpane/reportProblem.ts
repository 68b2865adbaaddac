/**
 * A pane-wide channel for small failures that happen outside the job (a cell that can no longer be
 * selected, a download that could not be built): the App shows the latest one above the panels.
 */
import { createContext, useContext } from 'react';

export type ReportProblem = (message: string) => void;

export const ReportProblemContext = createContext<ReportProblem>(() => undefined);

export function useReportProblem(): ReportProblem {
  return useContext(ReportProblemContext);
}
