/** What every call authenticated by the app's key (public or secret) may answer. */
export const keyErrors = {
  '401': 'Missing, unknown or malformed key (`missing_key`, `invalid_key`, `invalid_authorization`).',
  '403': 'A public key without an allowed Origin (`origin_required`, `origin_not_allowed`).',
};

/** What every app-scoped admin call may answer: the secret key, or a CSM session naming the app with ?appId=. */
export const adminErrors = {
  '400': 'A CSM session without the appId query parameter (`app_required`).',
  '401': 'No secret key and no CSM session, or a public key (`missing_key`, `invalid_key`, `invalid_authorization`, `secret_key_required`, `not_logged_in`).',
  '404': 'A CSM session naming an app the CSM may not see (`app_not_found`).',
};

/** What an app-scoped admin call that changes something may answer besides (CSRF checks on the CSM session). */
export const adminWriteErrors = {
  ...adminErrors,
  '403': 'A CSM session used from another site (`cross_origin`).',
  '415': 'A change made with a CSM session not sent as application/json (`unsupported_content_type`).',
};

/** The errors of reading a JSON request body of at most a given size. */
export const bodyErrors = {
  '400': 'Not JSON or not UTF-8 (`invalid_json`, `invalid_utf8`).',
  '413': 'A body over the size limit (`body_too_large`).',
};

/** App-scoped admin calls: the secret key, or a CSM session naming the app with ?appId=. */
export const appAdmin = ['secretKey', 'csmSession'] as const;
