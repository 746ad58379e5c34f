import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// scripts/outside-install.mjs: the packed packages installed with npm outside the workspace, the
// collector started with npx on its embedded database, a TypeScript config validated, React 18 on
// the server. Needs `pnpm build` and the npm registry.
describe('installing from the packed packages', () => {
  it('serves the SDK and the dashboard, validates a TypeScript config, and renders the React bindings', async () => {
    const script = fileURLToPath(new URL('../scripts/outside-install.mjs', import.meta.url));
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output).toContain('GET /dashboard/ 200');
    expect(output).toContain('npx waymark validate waymark.config.ts on Node');
    expect(output).toContain('apps create while serve runs: the new keys work at once');
    expect(output).toContain('all checks passed');
    expect({ code, output }).toMatchObject({ code: 0 });
  }, 180_000);
});
