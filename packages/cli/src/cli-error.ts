/** A failure the CLI explains in one message and exits with `code` (1: failed, 2: bad usage). */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}
