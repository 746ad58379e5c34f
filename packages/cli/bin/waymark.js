#!/usr/bin/env node
// The built CLI; `pnpm build` produces dist/.
import('../dist/main.js').catch((error) => {
  process.stderr.write(`waymark: cannot start (${error.message}). Run "pnpm build" first.\n`);
  process.exit(1);
});
