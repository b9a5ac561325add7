import { writeFileSync } from 'node:fs';
import { findJournal, formatHledgerJournal } from '../core/ledger/index.ts';
import { findOrganizationById, findOrganizationsByKind } from '../core/network/index.ts';
import { openMigrated } from './open.ts';

/** Writes an organization's journal as hledger text (stdout or a file). */
export async function exportJournalCommand(opts: {
  org: string;
  format: string;
  from?: string;
  to?: string;
  out?: string;
}): Promise<number> {
  if (opts.format !== 'hledger') {
    console.error('Only --format hledger is supported.');
    return 2;
  }
  const h = await openMigrated();
  try {
    const org = await findOrganizationById(h.db, opts.org);
    if (!org || (org.kind !== 'hub' && org.kind !== 'cooperative')) {
      console.error(`No hub or cooperative with id ${opts.org}.`);
      return 1;
    }
    const rows = await findJournal(h.db, org.id, { from: opts.from, to: opts.to });
    const names = new Map<string, string>();
    for (const kind of ['hub', 'cooperative'] as const)
      for (const o of await findOrganizationsByKind(h.db, kind)) names.set(o.id, o.name);
    const text = formatHledgerJournal(
      org.kind === 'hub' ? 'hub' : 'cooperative',
      org.name,
      rows,
      names,
    );
    if (opts.out) writeFileSync(opts.out, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await h.close();
  }
}
