/**
 * What the job wrote: the total and grade (暂定 while manual items wait for a score), the score of
 * every scheme item, and the findings.
 */
import * as React from 'react';
import {
  Badge,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import type { JobResult } from '../../../app/job';
import { keptNotice } from '../../../sheets/reportNotices';
import { CellLink, CellList } from '../CellLink/CellLink';
import { FindingsList } from '../FindingsList/FindingsList';
import { useResultPanelStyles } from './ResultPanel.styles';
import { useStrings } from '../../strings';
import { pendingManualItems, scoreRows } from './useResultPanel';

const HIDDEN_SETTINGS_ROLE = '设置';

export function ResultPanel({ result }: { result: JobResult }): React.ReactElement {
  const strings = useStrings();
  const styles = useResultPanelStyles();
  const { evaluation } = result;
  const pending = pendingManualItems(evaluation);
  const rows = scoreRows(evaluation);
  const report = result.report;
  // The report's notices are shown below with links to their cells, not as plain text.
  const reportNotices = new Set(
    report ? [keptNotice(report.kept.map((k) => k.cell)), ...report.warnings.map((w) => w.message)] : [],
  );
  // The settings sheet is hidden: naming it would only puzzle the clerk.
  const shownSheets = Object.entries(result.sheets)
    .filter(([role]) => role !== HIDDEN_SETTINGS_ROLE)
    .map(([, name]) => name);
  return (
    <section aria-label={strings.resultTitle} className={styles.root}>
      <Subtitle2 as="h2">{strings.resultTitle}</Subtitle2>
      <div className={styles.summary}>
        <div className={styles.figure}>
          <Caption1 className={styles.muted}>{strings.total}</Caption1>
          <Title2 aria-label={strings.total}>{evaluation.total.toFixed(2)}</Title2>
        </div>
        <div className={styles.figure}>
          <Caption1 className={styles.muted}>{strings.grade}</Caption1>
          <Title2 aria-label={strings.grade}>{evaluation.grade}</Title2>
        </div>
        {evaluation.provisional && (
          <Badge appearance="filled" color="warning">
            {strings.provisional}
          </Badge>
        )}
      </div>
      {evaluation.provisional && pending.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{strings.provisionalHint(pending)}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1 className={styles.muted}>{strings.schemeUsed(result.schemeSource)}</Caption1>
      {shownSheets.length > 0 && <Caption1 className={styles.muted}>{strings.writtenSheets(shownSheets)}</Caption1>}
      {result.notices
        .filter((notice) => !reportNotices.has(notice))
        .map((notice) => (
          <MessageBar key={notice} intent="info" layout="multiline">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ))}
      {report && report.kept.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {strings.keptParagraphs(report.kept.length)}
            <CellList cells={report.kept.map((k) => k.cell)} />
          </MessageBarBody>
        </MessageBar>
      )}
      {report?.warnings.map((w) => (
        <MessageBar key={w.message} intent="warning" layout="multiline">
          <MessageBarBody>
            <CellLink cell={w.cell} /> {strings.staleFigure(w.was, w.now)}
          </MessageBarBody>
        </MessageBar>
      ))}
      {/* Problems first: at 350 px the 28-row table would push them far below the fold. */}
      <FindingsList findings={evaluation.findings} />
      <Table size="small" aria-label={strings.indicatorTable} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{strings.colIndicator}</TableHeaderCell>
            <TableHeaderCell className={styles.numericHeader}>{strings.colIndicatorValue}</TableHeaderCell>
            <TableHeaderCell>{strings.colStatus}</TableHeaderCell>
            <TableHeaderCell className={styles.numericHeader}>{strings.colScore}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell>{row.name}</TableCell>
              <TableCell className={styles.numeric}>{row.value}</TableCell>
              <TableCell className={styles.nowrap}>
                <Text title={row.reason} wrap={false}>
                  {row.status === 'manual' ? strings.manualItem : strings.indicatorStatus[row.status]}
                </Text>
              </TableCell>
              <TableCell className={styles.numeric}>
                {row.excluded ? strings.excluded : `${row.score ?? strings.notScored}/${row.weight}`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
