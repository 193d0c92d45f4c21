/**
 * `npm run user:add -- --login a@b --name "…" --role secretariat [--delegation CHL] [--password …]`
 *
 * Creates an account in the store the server uses (DATA_DIR or DATABASE_URL), including the
 * first secretariat account of a new installation. Without --password, one is generated and
 * printed once.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../shared/accounts';
import { generatePassword } from '../server/auth/passwords';
import { createUser } from '../server/commands/userCreator';
import { loadConfig } from '../server/config';
import { openStore } from '../server/storage';
import { DomainError } from '../server/errors';

const USAGE = `usage: npm run user:add -- --login LOGIN --name "DISPLAY NAME" --role ${ROLES.join('|')} [--delegation CODE] [--password PASSWORD]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        login: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        delegation: { type: 'string' },
        password: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  const { login, name, role, delegation, password } = values;
  if (!login || !name || !role) fail('--login, --name and --role are required');
  if (!(ROLES as readonly string[]).includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  if (password !== undefined && password.length < 10) fail('--password must be at least 10 characters');

  const config = loadConfig();
  // journal: false: the server may be running on the same file, and its journal of edits is its own.
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl ?? undefined, journal: false });
  try {
    let delegationId: string | null = null;
    if (delegation) {
      const found = await store.getDelegationByCode(delegation.toUpperCase());
      if (!found) fail(`there is no delegation with the code ${delegation}`);
      delegationId = found.id;
    }
    const chosen = password ?? generatePassword();
    const user = await createUser(store, { login, displayName: name, role: role as Role, delegationId, password: chosen });
    console.log(`created ${user.role} ${user.login} (${user.displayName})${delegation ? ` for ${delegation.toUpperCase()}` : ''}`);
    if (password === undefined) console.log(`password: ${chosen}\n(shown only now)`);
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(`cannot create the account: ${err.message}`);
      process.exitCode = 1;
    } else {
      throw err;
    }
  } finally {
    await store.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
