/**
 * Shows the ribbon command's outcome in an Office dialog: the pane page itself, opened with the
 * outcome in its query string (same origin as the function file, so Office allows it). Clients
 * without the Dialog API (or a dialog already open) get nothing shown; the job's write stands.
 */
import { encodeOutcome, OUTCOME_PARAM, type Outcome } from './outcome';

/** The pane page sits beside commands.html in the build output. */
export function outcomeDialogUrl(outcome: Outcome, base: string = window.location.href): string {
  const url = new URL('taskpane.html', base);
  return `${url.origin}${url.pathname}?${OUTCOME_PARAM}=${encodeOutcome(outcome)}`;
}

export function showOutcomeDialog(outcome: Outcome): Promise<void> {
  return new Promise((resolve) => {
    const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
    if (!ui || typeof ui.displayDialogAsync !== 'function') {
      resolve();
      return;
    }
    ui.displayDialogAsync(outcomeDialogUrl(outcome), { height: 40, width: 30, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        const dialog = result.value;
        // The dialog's 关闭 button sends a message; the X button closes it by itself.
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
      } else {
        console.error('runEvaluation: dialog failed', result.error?.code, result.error?.message);
      }
      resolve();
    });
  });
}
