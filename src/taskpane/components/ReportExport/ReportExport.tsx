/** The Word report: 导出 Word 报告 (a .docx download) and 复制报告 (formatted HTML on the clipboard). */
import * as React from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2 } from '@fluentui/react-components';
import { Copy20Regular, DocumentArrowDown20Regular } from '@fluentui/react-icons';
import type { WorkbookPort } from '../../../workbook/port';
import type { ReportServices } from '../../services/services';
import { useStrings } from '../../strings';
import { useReportExportStyles } from './ReportExport.styles';
import { useReportExport } from './useReportExport';

export function ReportExport({
  port,
  report,
  disabled,
}: {
  port: WorkbookPort;
  report: ReportServices;
  disabled: boolean;
}): React.ReactElement {
  const strings = useStrings();
  const styles = useReportExportStyles();
  const state = useReportExport(port, report);
  const off = disabled || state.busy !== null;
  return (
    <section aria-label={strings.reportTitle} className={styles.root}>
      <Subtitle2 as="h2">{strings.reportTitle}</Subtitle2>
      <Caption1 className={styles.muted}>{strings.reportHint}</Caption1>
      <div className={styles.actions}>
        <Button icon={<DocumentArrowDown20Regular />} disabled={off} onClick={state.exportWord}>
          {strings.exportWord}
        </Button>
        <Button icon={<Copy20Regular />} disabled={off} onClick={state.copyReport}>
          {strings.copyReport}
        </Button>
        {state.busy && <Spinner size="tiny" label={strings.reportWorking} />}
      </div>
      {state.message && (
        <MessageBar intent={state.message.intent} layout="multiline">
          <MessageBarBody>{state.message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
