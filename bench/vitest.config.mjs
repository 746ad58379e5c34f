import { defineProject } from 'vitest/config';

// The benches' pure helpers (no servers, no databases): `pnpm exec vitest run --project bench`.
export default defineProject({
  test: { name: 'bench', environment: 'node', include: ['lib/**/*.test.mjs'] },
});
