/**
 * 导出 Word 报告 / 复制报告: each click reads the workbook as it is now (the clerk may have edited the
 * 自评报告 sheet or typed manual scores since the last run), builds the report and hands it over.
 */
import { useCallback, useState } from 'react';
import type { WorkbookPort } from '../../../workbook/port';
import type { ReportServices } from '../../services/services';
import { useStrings } from '../../strings';

export type ReportAction = 'docx' | 'html';

export interface ReportMessage {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

export interface UseReportExport {
  busy: ReportAction | null;
  message: ReportMessage | null;
  exportWord(): void;
  copyReport(): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useReportExport(port: WorkbookPort, report: ReportServices): UseReportExport {
  const strings = useStrings();
  const [busy, setBusy] = useState<ReportAction | null>(null);
  const [message, setMessage] = useState<ReportMessage | null>(null);

  const run = useCallback(
    async (action: ReportAction): Promise<void> => {
      setBusy(action);
      setMessage(null);
      try {
        const built = await report.build(port, action);
        if (!built.ok) {
          setMessage({ intent: 'warning', text: strings.reportBlocked });
          return;
        }
        const source = strings.reportSource(built.from.kind === 'sheet' ? built.from.sheet : null);
        if (action === 'docx') {
          try {
            report.save(built.fileName, built.docx!);
          } catch (error) {
            setMessage({ intent: 'error', text: strings.reportSaveFailed(messageOf(error)) });
            return;
          }
          setMessage({ intent: 'success', text: `${strings.reportSaved(built.fileName)}${source}` });
        } else {
          try {
            await report.copy(built.html!, built.text!);
          } catch (error) {
            setMessage({ intent: 'error', text: strings.reportCopyFailed(messageOf(error)) });
            return;
          }
          setMessage({ intent: 'success', text: `${strings.reportCopied}${source}` });
        }
      } catch (error) {
        setMessage({ intent: 'error', text: strings.unexpectedError(messageOf(error)) });
      } finally {
        setBusy(null);
      }
    },
    [port, report, strings],
  );

  return {
    busy,
    message,
    exportWord: useCallback(() => void run('docx'), [run]),
    copyReport: useCallback(() => void run('html'), [run]),
  };
}
