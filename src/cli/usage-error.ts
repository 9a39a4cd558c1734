/** A mistake in how the command was called: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file a command was pointed at cannot be used: printed alone, exit code 2. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export interface CommandIo {
  logMessage: (text: string) => void;
  logError: (text: string) => void;
}
