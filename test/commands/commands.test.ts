/**
 * The function file's registration: associated at the top level, when the module runs (as in
 * Microsoft's sample), again after Office.onReady, and as a global for clients without Office.actions;
 * the associated handler completes the event exactly once, also when the job cannot even start.
 */
type Handler = (event: { completed(): void }) => Promise<void>;

function loadCommands(office: unknown): void {
  (globalThis as Record<string, unknown>).Office = office;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/commands/commands');
  });
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).runEvaluation;
});

test('registers runEvaluation at the top level, before Office.onReady settles, and again after it', async () => {
  let ready: () => void = () => undefined;
  const associate = jest.fn();
  loadCommands({
    actions: { associate },
    onReady: (callback: () => void) =>
      new Promise<void>((resolve) => {
        ready = () => {
          callback();
          resolve();
        };
      }),
  });
  expect(associate.mock.calls.map(([name]) => name)).toEqual(['runEvaluation']);
  ready();
  await Promise.resolve();
  expect(associate.mock.calls.map(([name]) => name)).toEqual(['runEvaluation', 'runEvaluation']);
  expect(associate.mock.calls[1][1]).toBe(associate.mock.calls[0][1]);
  expect((globalThis as Record<string, unknown>).runEvaluation).toBe(associate.mock.calls[0][1]);
});

test('without Office.actions the global is the only registration; the handler completes the event once', async () => {
  loadCommands({ onReady: () => new Promise(() => undefined) });
  const handler = (globalThis as Record<string, unknown>).runEvaluation as Handler;
  expect(typeof handler).toBe('function');
  const completed = jest.fn();
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  // No Excel here: the job fails at once, the outcome cannot be shown (no Dialog API), the event completes.
  await handler({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  errors.mockRestore();
});
