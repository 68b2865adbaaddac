/**
 * The error the fake throws or rejects with: shaped like OfficeExtension.Error (name "RichApi.Error",
 * a stable `code`, a `debugInfo` naming the failing command, `traceMessages`, `innerError`).
 */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation: string; statement: string };
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(
    readonly code: string,
    message: string,
    location = '',
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location, statement: location };
  }
}

export function officeError(code: string, message: string, location = ''): FakeOfficeError {
  return new FakeOfficeError(code, message, location);
}
