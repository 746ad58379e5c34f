#!/usr/bin/env node
// The built CLI; `pnpm build` produces dist/ (the root install and demo commands run it).
import('../dist/cli/main.js').catch((error) => {
  process.stderr.write(`waymark-collector: cannot start (${error.message}). Run "pnpm build" first.\n`);
  process.exit(1);
});
