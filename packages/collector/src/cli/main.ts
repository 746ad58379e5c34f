import { runCli } from './run-cli.js';

// Entry of the `waymark-collector` command.
runCli(process.argv.slice(2), process.env).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`waymark-collector: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
