import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { StatementsLink } from '../yearend/StatementsLink.tsx';
import { Journal } from './BooksJournal.tsx';
import { BooksSummary } from './BooksSummary.tsx';
import { TrialBalance } from './BooksTrialBalance.tsx';
import './books.css';
import './strings.ts';

/** A part of the books one tap away: its heading opens it, and its reads start when it opens. */
function Part({ title, open, children }: { title: string; open: boolean; children: ReactNode }) {
  const id = useId();
  const [shown, setShown] = useState(open);
  return (
    <section aria-labelledby={id} className="books-part">
      <details open={open} onToggle={(e) => setShown(e.currentTarget.open)}>
        <summary>
          <h2 id={id}>{title}</h2>
        </summary>
        {shown && children}
      </details>
    </section>
  );
}

/**
 * An organization's own books. A cooperative's open on their summary in plain words (cash and
 * bank, what it owes its hub, what it earned this month); the trial balance on a date and the
 * journal of a period with its export are one tap away. A hub's books open on both at once.
 */
export function BooksPage() {
  const { t } = useTranslation('ledger');
  const { id = '' } = useParams();
  const { me } = useSession();
  const hubBooks = me?.memberships.some((m) => m.orgId === id && m.orgKind === 'hub') ?? false;
  return (
    <section>
      <h1>{t('title')}</h1>
      {!hubBooks && <BooksSummary orgId={id} />}
      <Part title={t('trialBalance')} open={hubBooks}>
        <TrialBalance orgId={id} />
      </Part>
      <Part title={t('journal')} open={hubBooks}>
        <Journal orgId={id} />
      </Part>
      {hubBooks && <StatementsLink orgId={id} />}
    </section>
  );
}
