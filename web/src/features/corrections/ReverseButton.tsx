import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../ui/DataTable.tsx';
import { rupiah } from '../../ui/format.ts';
import type { DocType } from './reversal-api.ts';
import { ReverseDialog } from './ReverseDialog.tsx';
import './strings.ts';
import './corrections.css';

/** The document a "Batalkan" or "Dibatalkan" button opens the dialog on. */
export interface ReversalTarget {
  docType: DocType;
  docId: string;
  /** The document in words (`penjualan 10 Des 2026 14.05 WIB Rp 17.500`). */
  what: string;
  /** What else to refresh once reversed, beyond the queries on screen (e.g. a looked-up order). */
  onReversed?: () => void;
}

/**
 * The reversal dialog of a list: `open` from a row's button, `dialog` rendered beside the list. The
 * state lives in the list's screen, not in the row, so the dialog stays open while the list reloads
 * (a table re-creates its cells on every render).
 */
export function useReverseDialog() {
  const [target, setTarget] = useState<ReversalTarget | null>(null);
  const dialog = target ? <ReverseDialog {...target} onClose={() => setTarget(null)} /> : null;
  return { open: setTarget, dialog };
}

/**
 * A document's correction state in a list: "Dibatalkan" (opens its reversal: when, why, what it
 * posted) when reversed; else "Batalkan" for those allowed (`allowed`, from `mayReverse`); else nothing.
 */
export function ReverseButton({
  target,
  reversed,
  allowed,
  onOpen,
}: {
  target: ReversalTarget;
  reversed: boolean;
  allowed: boolean;
  onOpen: (target: ReversalTarget) => void;
}) {
  const { t } = useTranslation('corrections');
  if (reversed)
    return (
      <button
        type="button"
        className="badge reversed"
        aria-label={`${t('reversed')}: ${target.what}`}
        onClick={() => onOpen(target)}
      >
        {t('reversed')}
      </button>
    );
  if (!allowed) return null;
  return (
    <button
      type="button"
      className="secondary reverse"
      aria-label={t('reverseOf', { what: target.what })}
      onClick={() => onOpen(target)}
    >
      {t('reverse')}
    </button>
  );
}

/** Whether a list's row is a reversed document (its `reversed` flag; lists without one: never). */
export function isReversed(row: object): boolean {
  return 'reversed' in row && row.reversed === true;
}

/** An amount struck through when its document is reversed (it no longer counts). */
export function Amount({ value, reversed }: { value: number; reversed: boolean }) {
  return reversed ? <del className="reversed-amount">{rupiah(value)}</del> : <>{rupiah(value)}</>;
}

/**
 * The correction column of a document list: "Batalkan" or "Dibatalkan" per row, as
 * `ReverseButton` decides; `what` names the row's document for the button and the dialog, which
 * `onOpen` (`useReverseDialog().open`) shows.
 */
export function reversalColumn<T extends { id: string }>(
  header: string,
  docType: DocType,
  what: (row: T) => string,
  allowed: (row: T) => boolean,
  onOpen: (target: ReversalTarget) => void,
): Column<T> {
  return {
    id: 'reversal',
    header,
    enableSorting: false,
    accessorFn: (r) => (isReversed(r) ? 1 : 0),
    cell: ({ row }) => (
      <ReverseButton
        target={{ docType, docId: row.original.id, what: what(row.original) }}
        reversed={isReversed(row.original)}
        allowed={allowed(row.original)}
        onOpen={onOpen}
      />
    ),
  };
}

/** A money column whose amount is struck through on reversed rows. */
export function reversibleMoneyColumn<T extends object>(
  id: string,
  header: string,
  amount: (row: T) => number,
): Column<T> {
  return {
    id,
    header,
    numeric: true,
    accessorFn: amount,
    cell: ({ row }) => <Amount value={amount(row.original)} reversed={isReversed(row.original)} />,
  };
}
