import { expect, it } from 'vitest';
import * as collector from './index.js';

it('pins the public exports', () => {
  expect(Object.keys(collector).sort()).toMatchInlineSnapshot(`
    [
      "ApiError",
      "AppInputError",
      "DataDirLockedError",
      "createApp",
      "createCollectorApp",
      "createLogger",
      "defaultOrigins",
      "defaultSdkDir",
      "ensureDefaultApp",
      "findAppByKey",
      "listApps",
      "lockDataDir",
      "migrate",
      "openPgSql",
      "openPgliteSql",
      "openSql",
      "originAllowed",
      "rotateKeys",
      "runCli",
      "setOrigins",
      "silentLogger",
      "startCollector",
    ]
  `);
});
