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
      "createCsmUser",
      "createLogger",
      "defaultDashboardDir",
      "defaultOrigins",
      "defaultSdkDir",
      "ensureDefaultApp",
      "findAppByKey",
      "getConfig",
      "listApps",
      "listConfigVersions",
      "listCsmUsers",
      "lockDataDir",
      "migrate",
      "openPgSql",
      "openPgliteSql",
      "openSql",
      "originAllowed",
      "putConfig",
      "readUserState",
      "restoreConfig",
      "rotateKeys",
      "runCli",
      "setOrigins",
      "setRequireUserHash",
      "silentLogger",
      "startCollector",
      "userHashFor",
    ]
  `);
});
