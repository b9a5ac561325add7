import { Command } from 'commander';
import { backupCommand, type BackupOptions } from './backup.ts';
import { benchCommand } from './bench.ts';
import { VERSION } from '../config.ts';
import { exportJournalCommand } from './export-journal.ts';
import { migrateCommand } from './migrate.ts';
import { restoreCommand } from './restore.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { simulateCommand, type SimulateCommandOptions } from './simulate.ts';
import { userCreateCommand, type UserCreateOptions } from './user.ts';
import { verifyCommand } from './verify.ts';

const program = new Command();
program
  .name('lumbung')
  .description(
    'Lumbung — jaringan distribusi konsinyasi pangan pokok (hub ↔ KDKMP).\nConfiguration: PORT (3000), DATABASE_URL (file:./data/lumbung.sqlite or postgres://…), LUMBUNG_DEMO=1, LUMBUNG_SQLITE_SYNC=full, LUMBUNG_JOBS=off.',
  )
  .version(VERSION);

const exit = (code: number) => process.exit(code);

program
  .command('serve')
  .description(
    'Serve the API and web app (production: never seeds; --demo seeds an empty database)',
  )
  .option('--demo', 'seed the demo network into an empty database first (same as LUMBUNG_DEMO=1)')
  .action(async (o: { demo?: boolean }) => serveCommand(o));
program
  .command('migrate')
  .description('Apply database migrations')
  .action(async () => exit(await migrateCommand()));
program
  .command('seed')
  .description('Seed data into an empty database')
  .option('--demo', 'the Kota Jambi demo network with 90 days of activity')
  .action(async (o: { demo?: boolean }) => exit(await seedCommand(o)));
program
  .command('simulate')
  .description(
    'Write a simulated network into an empty database through the commands: a hub, one KDKMP per village (Jambi first), months of deliveries, weekly sales syncs, statements, payments and subsidy runs ending this month (or the month of --until)',
  )
  .requiredOption('--cooperatives <n>', 'cooperatives (1,585: Jambi province; up to 83,000)')
  .requiredOption(
    '--months <m>',
    'months of business, the last one this month (or that of --until)',
  )
  .option('--sales-per-day <s>', "a cooperative's sales a day", '8')
  .option('--seed <k>', 'random seed', '1')
  .option('--workers <w>', 'PostgreSQL: transactions at once', '1')
  .option('--until <date>', 'the last day simulated (YYYY-MM-DD, WIB; default today)')
  .action(async (o: SimulateCommandOptions) => exit(await simulateCommand(o)));
program
  .command('verify')
  .description(
    'Recompute every balance from stock movements and journal lines and check every invariant; exit 1 on drift',
  )
  .action(async () => exit(await verifyCommand()));
program
  .command('backup')
  .description(
    'Copy the database while the server runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump --format=custom), check the copy, keep it only when complete',
  )
  .option('--out <file>', 'the backup file (never overwritten)')
  .option('--dir <dir>', 'write lumbung-YYYYMMDD-HHMMSS.sqlite|dump (UTC) into this directory')
  .option('--keep <n>', 'with --dir: keep the newest N backups there, delete the older ones')
  .action(async (o: BackupOptions) => exit(await backupCommand(o)));
program
  .command('restore')
  .description(
    'Restore a backup into the empty database DATABASE_URL names, migrate it forward and verify it',
  )
  .argument('<file>', 'a file written by lumbung backup')
  .action(async (file: string) => exit(await restoreCommand(file)));
program
  .command('export-journal')
  .description("Export an organization's journal")
  .requiredOption('--org <id>', 'organization id (hub or cooperative)')
  .option('--format <format>', 'output format', 'hledger')
  .option('--from <date>', 'first business date (YYYY-MM-DD)')
  .option('--to <date>', 'last business date (YYYY-MM-DD)')
  .option('--out <file>', 'write to a file instead of stdout')
  .action(async (o: { org: string; format: string; from?: string; to?: string; out?: string }) =>
    exit(await exportJournalCommand(o)),
  );
const user = program.command('user').description('Manage users');
user
  .command('create')
  .description('Create a user (or the first hub admin of a new database, with --hub-name)')
  .requiredOption('--email <email>', 'e-mail address (the login)')
  .requiredOption('--name <name>', 'full name')
  .requiredOption(
    '--role <role>',
    'hub_admin, hub_staff, coop_manager, coop_cashier, gov_viewer or program_admin',
  )
  .option('--org <id>', 'the organization the user works for')
  .option('--hub-name <name>', 'create this hub and make the user its member')
  .option('--region <code>', 'Kemendagri region code of the new hub (e.g. 15.71)')
  .option('--password <password>', 'password (else LUMBUNG_PASSWORD or standard input)')
  .action(async (o: UserCreateOptions) => exit(await userCreateCommand(o)));

program
  .command('bench')
  .description('Run the benchmarks (npm run bench) and write bench/results/latest.json')
  .allowUnknownOption()
  .action(async () => exit(await benchCommand(process.argv.slice(3))));

await program.parseAsync(process.argv);
