/**
 * The task pane. The same panels serve Excel (the open workbook) and the browser (an .xlsx the
 * clerk opens); everything host-specific comes in through `services`.
 */
import * as React from 'react';
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Title3 } from '@fluentui/react-components';
import {
  ArrowClockwise20Regular,
  ArrowDownload20Regular,
  Calculator20Regular,
  Dismiss20Regular,
} from '@fluentui/react-icons';
import { useAppStyles } from './App.styles';
import { AutoLocate } from '../AutoLocate/AutoLocate';
import { BlockingErrors } from '../BlockingErrors/BlockingErrors';
import { ConflictDialog } from '../ConflictDialog/ConflictDialog';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { InputsPanel } from '../InputsPanel/InputsPanel';
import { JobProgress } from '../JobProgress/JobProgress';
import { MappingEditor } from '../MappingEditor/MappingEditor';
import { NamedOutputs } from '../NamedOutputs/NamedOutputs';
import { OpenWorkbook } from '../OpenWorkbook/OpenWorkbook';
import { ReportProblemContext } from '../../reportProblem';
import { ReportExport } from '../ReportExport/ReportExport';
import { ResultPanel } from '../ResultPanel/ResultPanel';
import { SchemePicker } from '../SchemePicker/SchemePicker';
import { HostServicesContext, type HostServices } from '../../services/services';
import { useStrings } from '../../strings';
import { useApp } from './useApp';

export function App({ services }: { services: HostServices }): React.ReactElement {
  return (
    <HostServicesContext.Provider value={services}>
      <Pane services={services} />
    </HostServicesContext.Provider>
  );
}

function Pane({ services }: { services: HostServices }): React.ReactElement {
  const strings = useStrings();
  const styles = useAppStyles();
  const app = useApp(services);
  const { workbook, job } = app;
  const browser = services.mode === 'browser';
  const busy = job.busy !== null || app.writing;
  const evaluation = job.inspection?.evaluation;

  return (
    <ReportProblemContext.Provider value={app.reportProblem}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{strings.appTitle}</Title3>
          {workbook.fileName && <Caption1 className={styles.muted}>{strings.currentFile(workbook.fileName)}</Caption1>}
        </header>

        {browser && (
          <OpenWorkbook
            compact={workbook.port !== null}
            opening={workbook.opening}
            onOpen={workbook.open}
            onDownloadTemplate={workbook.downloadTemplate}
          />
        )}
        {workbook.error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{workbook.error}</MessageBarBody>
          </MessageBar>
        )}
        {app.problem && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{app.problem}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  icon={<Dismiss20Regular />}
                  aria-label={strings.close}
                  onClick={app.dismissProblem}
                />
              }
            />
          </MessageBar>
        )}

        {workbook.port && (
          <>
            <div className={styles.controls}>
              <SchemePicker picker={app.scheme} disabled={busy} />
              <div className={styles.actions}>
                <Button appearance="primary" icon={<Calculator20Regular />} disabled={busy} onClick={app.run}>
                  {strings.run}
                </Button>
                {!browser && (
                  <Button appearance="subtle" icon={<ArrowClockwise20Regular />} disabled={busy} onClick={job.inspect}>
                    {strings.reread}
                  </Button>
                )}
                {browser && (job.result?.written || app.supplied) && (
                  <Button icon={<ArrowDownload20Regular />} disabled={busy} onClick={workbook.downloadResult}>
                    {strings.downloadResult}
                  </Button>
                )}
              </div>
              {!browser && <Caption1 className={styles.muted}>{strings.undoNote}</Caption1>}
              {job.busy && <JobProgress action={job.busy} step={job.step} />}
            </div>

            {/* Near the top: at 350 px the results and their 28-row table would hide it far below. */}
            {services.report && <ReportExport port={workbook.port} report={services.report} disabled={busy} />}
            {job.error && <ErrorBar error={job.error} />}
            {evaluation && <BlockingErrors evaluation={evaluation} />}
            {job.result?.written && <ResultPanel result={job.result} />}
            {job.inspection?.located && (
              <AutoLocate
                inspection={job.inspection}
                port={workbook.port}
                busy={busy}
                selectedCell={services.mode === 'office' ? services.selectedCell : undefined}
                onConfirm={app.confirmLocate}
                onSupplement={services.job.supplementInputs ? app.supplement : undefined}
                supplied={app.supplied}
                browser={browser}
              />
            )}
            <NamedOutputs outputs={app.outputs} busy={busy} />
            {job.inspection && (
              <MappingEditor
                inspection={job.inspection}
                busy={busy}
                saved={job.mappingSaved}
                onSave={app.saveMapping}
              />
            )}
            {evaluation && <InputsPanel readings={evaluation.inputs} />}
          </>
        )}
        <ConflictDialog conflicts={app.conflicts} onContinue={app.confirmRename} onCancel={app.cancelRename} />
      </main>
    </ReportProblemContext.Provider>
  );
}
