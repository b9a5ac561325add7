// Exports the hub's and one cooperative's journal as hledger text and has
// hledger and ledger 3 read them: each must parse and its balance must total zero.
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';

const dir = process.argv[2] ?? '.';
const path = process.env.DATABASE_URL.replace(/^file:/, '');
const db = new Database(path, { readonly: true });
const orgs = [
  db.prepare("select id, name from organization where kind = 'hub' limit 1").get(),
  db
    .prepare(
      "select id, name from organization where kind = 'cooperative' order by village_code limit 1",
    )
    .get(),
];
db.close();
for (const org of orgs) {
  const file = `${dir}/${org.id}.journal`;
  execFileSync(
    'node',
    ['bin/lumbung.js', 'export-journal', '--org', org.id, '--format', 'hledger', '--out', file],
    { stdio: 'inherit' },
  );
  const out = execFileSync('hledger', ['-f', file, 'balance'], { encoding: 'utf8' });
  const total = out.trim().split('\n').pop().trim();
  if (total !== '0') {
    console.error(`hledger balance of ${org.name} totals ${total}, not 0`);
    process.exit(1);
  }
  const ledger = execFileSync('ledger', ['-f', file, 'balance'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()
    .trim();
  if (ledger !== '0') {
    console.error(`ledger balance of ${org.name} totals ${ledger}, not 0`);
    process.exit(1);
  }
  console.log(
    `hledger and ledger read the journal of ${org.name}: ${out.trim().split('\n').length - 2} accounts, total 0`,
  );
}
