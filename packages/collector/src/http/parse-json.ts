import { ApiError } from './api-error.js';

/** Parses a request body as JSON; invalid JSON is `400 invalid_json` with the parser's message. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${(error as Error).message}`);
  }
}
