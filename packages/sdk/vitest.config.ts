import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.js';

export default defineProject({
  ...sourceConditions,
  test: {
    name: 'sdk',
    environment: 'happy-dom',
    // The snippet injects <script src>; never fetch it (no network in unit tests), and don't log that.
    environmentOptions: {
      happyDOM: { settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } },
    },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
