import { runWaymark } from './run-waymark.js';

// Entry of the `waymark` command.
runWaymark(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`waymark: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
