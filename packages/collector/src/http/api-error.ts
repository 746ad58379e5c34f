import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error answered to the client as `{ "error": { code, message, field? } }` with its status. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(status, { message });
  }

  /** The JSON body of the response. */
  body(): Record<string, unknown> {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...this.extra } };
  }
}
