/** The outcome dialog with a fake Office.context.ui (jsdom supplies the function file's location). */
import { decodeOutcome, type Outcome } from '../../src/commands/outcome';
import { showOutcomeDialog } from '../../src/commands/outcomeDialog';

type Callback = (result: { status: string; value: FakeDialog; error?: { code: number; message: string } }) => void;

interface FakeDialog {
  handlers: Record<string, () => void>;
  addEventHandler(type: string, handler: () => void): void;
  close: jest.Mock;
}

function installOffice(status: 'succeeded' | 'failed'): {
  calls: { url: string; options: unknown }[];
  dialog: FakeDialog;
} {
  const dialog: FakeDialog = {
    handlers: {},
    addEventHandler(type, handler) {
      this.handlers[type] = handler;
    },
    close: jest.fn(),
  };
  const calls: { url: string; options: unknown }[] = [];
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived' },
    context: {
      ui: {
        displayDialogAsync(url: string, options: unknown, callback: Callback) {
          calls.push({ url, options });
          setTimeout(() =>
            callback({
              status,
              value: dialog,
              error: status === 'failed' ? { code: 12007, message: 'busy' } : undefined,
            }),
          );
        },
      },
    },
  };
  return { calls, dialog };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

const outcome: Outcome = { kind: 'written', total: '86.50', grade: '良', provisional: false, notices: [] };

describe('showOutcomeDialog', () => {
  it('opens the pane page with the outcome and closes the dialog when it sends a message', async () => {
    const { calls, dialog } = installOffice('succeeded');
    await showOutcomeDialog(outcome);
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0].url);
    expect(url.pathname.endsWith('/taskpane.html')).toBe(true);
    expect(decodeOutcome(url.search)).toEqual(outcome);
    dialog.handlers.dialogMessageReceived();
    expect(dialog.close).toHaveBeenCalledTimes(1);
  });

  it('resolves when the dialog cannot open (another dialog already open)', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    installOffice('failed');
    await expect(showOutcomeDialog(outcome)).resolves.toBeUndefined();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('resolves at once on clients without the Dialog API', async () => {
    (globalThis as Record<string, unknown>).Office = { context: {} };
    await expect(showOutcomeDialog(outcome)).resolves.toBeUndefined();
  });
});
