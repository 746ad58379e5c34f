/** The command's help text. */
export const usage = `waymark-collector: Waymark's event collector

Usage:
  waymark-collector serve
      Start the collector. Env: PORT (default 8787), HOST (default 0.0.0.0),
      DATABASE_URL (PostgreSQL; otherwise the embedded database in WAYMARK_DATA_DIR,
      default ./.waymark-data), LOG_LEVEL (debug|info|warn|error, default info),
      TRUST_PROXY=1 behind a reverse proxy (client IP, HTTPS and host from X-Forwarded-*).
  waymark-collector apps create --name NAME --origin URL [--origin URL ...] [--json]
      Create an app; prints its app id, public key and secret key (shown only once).
      Origins: https://app.example.com, http://localhost:*, https://*.example.com or *.
  waymark-collector apps list [--json]
  waymark-collector apps rotate-keys APP_ID [--public | --secret] [--json]
      Replace the app's keys (both unless one is named); old keys stop working
      within 5 seconds (running collectors cache keys that long).
  waymark-collector apps origins APP_ID --origin URL [--origin URL ...]
      Replace the browser origins allowed to send events with the public key.
  waymark-collector apps identity APP_ID --require | --optional [--json]
      Require (or stop requiring) identity verification: browser calls that name a
      userId must carry userHash = hex(HMAC-SHA256(secret key, userId)).
  waymark-collector csm create --email EMAIL --name NAME --role admin|csm [--app APP_ID ...] [--password-stdin] [--json]
      Create a dashboard account. Admins see every app and manage CSM users; a csm sees the
      apps given with --app. Without --password-stdin a password is generated and shown once.
  waymark-collector csm list [--json]
  waymark-collector csm grant --email EMAIL --app APP_ID [--app APP_ID ...] [--json]
  waymark-collector csm revoke --email EMAIL --app APP_ID [--app APP_ID ...] [--json]
  waymark-collector csm disable --email EMAIL [--json]
      Stop the account logging in; its sessions end at once.
  waymark-collector help
`;
