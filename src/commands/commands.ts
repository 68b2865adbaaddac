/**
 * Function file of the ribbon (commands.html). `runEvaluation` is the manifest's FunctionName:
 * associated through Office.actions where the client has it, and a global of that name for
 * older clients that call the function by name.
 */
import { runJob } from '../app/job';
import { OfficeWorkbook } from '../workbook/office';
import { showOutcomeDialog } from './outcomeDialog';
import { makeRunEvaluation } from './runEvaluation';

export const FUNCTION_NAME = 'runEvaluation';

const runEvaluation = makeRunEvaluation({
  runJob: (options) => runJob(new OfficeWorkbook(), options),
  notify: showOutcomeDialog,
  log: (message, error) => {
    const code = (error as { code?: unknown } | null)?.code;
    const debugInfo = (error as { debugInfo?: unknown } | null)?.debugInfo;
    console.error(message, code ?? '', debugInfo ?? error);
  },
});

(globalThis as unknown as Record<string, unknown>)[FUNCTION_NAME] = runEvaluation;

void Office.onReady(() => {
  Office.actions?.associate(FUNCTION_NAME, runEvaluation);
});
