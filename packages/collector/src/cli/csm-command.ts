import { parseArgs } from 'node:util';
import type { Sql } from '../db/sql.js';
import { CsmInputError } from '../auth/csm-input-error.js';
import { createCsmUser, disableCsmUser, grantCsmApp, listCsmUsers, revokeCsmApp, type CsmUser } from '../auth/csm-users.js';

/** Opens the database for one command and closes it after (the caller's lock handling included). */
export type WithSql = <T>(command: string, fn: (sql: Sql) => Promise<T>) => Promise<T>;

/** Raised for `csm` without a known subcommand. */
export class UnknownCsmCommand extends Error {
  override name = 'UnknownCsmCommand';
}

const flagOf = (field: CsmInputError['field']) => (field === 'apps' ? '--app' : `--${field}`);
const required = (value: string | undefined, field: 'email' | 'name' | 'role'): string => {
  if (!value) throw new CsmInputError('invalid', field, 'is required');
  return value;
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is what `echo` and most pipes add; it is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const describe = (u: CsmUser) =>
  `${u.email}  ${u.role}  ${u.name}  apps: ${u.role === 'admin' ? '(all)' : u.apps.join(', ') || '(none)'}${u.disabledAt ? `  disabled ${u.disabledAt}` : ''}`;

/**
 * `waymark-collector csm ...`: create, list, grant, revoke and disable dashboard accounts.
 * Prints with `out`; returns the exit code. Bad input is a CsmInputError naming the flag.
 */
export async function csmCommand(args: string[], withSql: WithSql, out: (text: string) => void, now: () => number = Date.now): Promise<number> {
  const [sub, ...rest] = args;
  if (!['create', 'list', 'grant', 'revoke', 'disable'].includes(sub ?? '')) {
    throw new UnknownCsmCommand(`unknown csm command "${sub ?? ''}"; use create, list, grant, revoke or disable`);
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      app: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const print = (value: unknown, human: string) => out(values.json ? JSON.stringify(value) : human);
  const apps = values.app ?? [];
  try {
    switch (sub) {
      case 'create': {
        const input = { email: required(values.email, 'email'), name: required(values.name, 'name'), role: required(values.role, 'role'), apps };
        const password = values['password-stdin'] ? await readStdin() : undefined;
        const created = await withSql('csm create', (sql) => createCsmUser(sql, { ...input, password }, now()));
        const { user, generatedPassword } = created;
        print(
          { user, ...(generatedPassword ? { password: generatedPassword } : {}) },
          `created ${describe(user)}${generatedPassword ? `\npassword:  ${generatedPassword}   (shown only now; log in at /dashboard)` : ''}`,
        );
        return 0;
      }
      case 'list': {
        const users = await withSql('csm list', (sql) => listCsmUsers(sql));
        print(
          users,
          users.length === 0
            ? 'no CSM users; create the first admin with: waymark-collector csm create --email E --name N --role admin'
            : users.map(describe).join('\n'),
        );
        return 0;
      }
      case 'grant':
      case 'revoke': {
        const email = required(values.email, 'email');
        if (apps.length === 0) throw new CsmInputError('invalid', 'apps', `is required: csm ${sub} --email E --app APP_ID`);
        const user = await withSql(`csm ${sub}`, async (sql) => {
          let last: CsmUser | undefined;
          for (const app of apps) last = sub === 'grant' ? await grantCsmApp(sql, email, app, now()) : await revokeCsmApp(sql, email, app);
          return last!;
        });
        print(user, describe(user));
        return 0;
      }
      case 'disable': {
        const email = required(values.email, 'email');
        const user = await withSql('csm disable', (sql) => disableCsmUser(sql, email, now()));
        print(user, `disabled ${describe(user)} (their sessions ended)`);
        return 0;
      }
      default:
        throw new Error(`unreachable: ${sub}`);
    }
  } catch (error) {
    // The CLI names flags: "--email: ..." rather than the API's "email: ...".
    if (error instanceof CsmInputError) throw new CsmInputError(error.kind, error.field, `${flagOf(error.field)}: ${error.message}`);
    throw error;
  }
}
