import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { Notice } from '../../ui/forms.tsx';
import { businessDate, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import {
  previewReversal,
  reverseDocument,
  type DocType,
  type ReversalPreview,
} from './reversal-api.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { Sheet } from './Sheet.tsx';
import './strings.ts';

/**
 * "Batalkan" on one posted document: what the reversal will post in each book and which stock moves
 * back (read from the server before anything is written), the reason, then the reversal with a
 * client id fixed when the dialog opens (a second press, or a retry after a lost answer, is the same
 * reversal). A document already reversed shows its reversal: when, and why.
 */
export function ReverseDialog({
  docType,
  docId,
  what,
  onReversed,
  onClose,
}: {
  docType: DocType;
  docId: string;
  /** The document in words (`penjualan 10 Des 2026 14.05 WIB`), for the title. */
  what: string;
  onReversed?: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('corrections');
  const client = useQueryClient();
  const [reversalId] = useState(() => uuidv7());
  const preview = useQuery({
    queryKey: ['reversal', docType, docId],
    queryFn: () => previewReversal(docType, docId),
  });
  const reverse = useMutation({
    mutationFn: (input: { reason: string }) =>
      reverseDocument(docType, docId, { id: reversalId, reason: input.reason }),
    // Every list, balance and book on screen may have moved.
    onSuccess: () => {
      onReversed?.();
      return client.invalidateQueries();
    },
  });
  const date = (d: string) => businessDate(d, i18n.language);
  return (
    <Sheet title={t('title', { what })} onClose={onClose}>
      <QueryState query={preview}>
        {(p) =>
          reverse.data ? (
            <Notice>{t('done', { date: date(reverse.data.date) })}</Notice>
          ) : p.reversedBy ? (
            <>
              <p className="notice" role="status">
                {t('alreadyReversed', {
                  date: date(p.reversedBy.date),
                  reason: p.reversedBy.reason,
                })}
              </p>
              <Effect preview={p} />
            </>
          ) : (
            <>
              <p className="muted">{t('intro')}</p>
              <Effect preview={p} />
              {!p.reversible && <Blockers preview={p} />}
              {p.reversible && (
                <ReasonForm
                  onConfirm={(reason) => reverse.mutate({ reason })}
                  error={reverse.error}
                  pending={reverse.isPending || reverse.isSuccess}
                  label={t('confirm')}
                  busyLabel={t('confirming')}
                  hint={t('reasonHint')}
                />
              )}
            </>
          )
        }
      </QueryState>
    </Sheet>
  );
}

/** The journal lines per book and the stock moves the reversal posts. */
function Effect({ preview }: { preview: ReversalPreview }) {
  const { t } = useTranslation('corrections');
  const books = new Map<string, ReversalPreview['journal']>();
  for (const l of preview.journal) books.set(l.orgName, [...(books.get(l.orgName) ?? []), l]);
  return (
    <section aria-label={t('effect')}>
      <h3>{t('effect')}</h3>
      {books.size === 0 && <p className="state">{t('noJournal')}</p>}
      {[...books].map(([org, lines]) => (
        <div className="reversal-book table-wrap" key={org}>
          <table>
            <caption>{t('book', { org })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account')}</th>
                <th scope="col" className="num">
                  {t('debit')}
                </th>
                <th scope="col" className="num">
                  {t('credit')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={i}>
                  <td>
                    {l.accountCode} {l.accountName}
                  </td>
                  <td className="num">{l.debit ? rupiah(l.debit) : '—'}</td>
                  <td className="num">{l.credit ? rupiah(l.credit) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h3>{t('stock')}</h3>
      {preview.stock.length === 0 ? (
        <p className="state">{t('noStock')}</p>
      ) : (
        <ul className="reversal-stock">
          {preview.stock.map((s, i) => (
            <li key={i}>
              {t('stockLine', {
                qty: s.quantity > 0 ? `+${s.quantity}` : `−${Math.abs(s.quantity)}`,
                product: s.productName,
                location: s.locationName,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The documents to reverse first (the goods of a receipt already sent on, say). */
function Blockers({ preview }: { preview: ReversalPreview }) {
  const { t } = useTranslation('corrections');
  return (
    <div role="alert" className="state error">
      <p>{t('blocked')}</p>
      <ul>
        {(preview.blockedBy ?? []).map((b) => (
          <li key={`${b.docType}/${b.docId}`}>
            {t('docOf', {
              doc: t(`doc.${b.docType}`, { defaultValue: b.docType }),
              what: b.number ?? b.docId,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
