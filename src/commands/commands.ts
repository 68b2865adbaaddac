/**
 * Function file of the ribbon (commands.html). `runEvaluation` is the manifest's FunctionName. As in
 * Microsoft's sample function file, it is associated at the top level, when this module runs (a client
 * may invoke the command before Office.onReady settles), and again after Office.onReady for clients
 * where Office.actions appears only then; older clients without Office.actions call the global of that
 * name. Associating the same handler again only replaces it. event.completed() is called exactly once
 * per invocation, on every path (runEvaluation.ts).
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

/** Office.actions.associate where the client has it; true when it did. */
export function associate(
  office: { actions?: { associate(name: string, handler: unknown): void } } | undefined,
): boolean {
  if (!office?.actions?.associate) return false;
  office.actions.associate(FUNCTION_NAME, runEvaluation);
  return true;
}

(globalThis as unknown as Record<string, unknown>)[FUNCTION_NAME] = runEvaluation;

const office = typeof Office === 'undefined' ? undefined : Office;
associate(office);
void office?.onReady(() => {
  associate(office);
});
