import type { ReactNode } from 'react';
import { ReverseButton, useReverseDialog, type ReversalTarget } from './ReverseButton.tsx';

/**
 * One document's "Batalkan" (or "Dibatalkan") on its own page, with its dialog, in an actions row
 * with any other `children` (further corrections).
 */
export function ReverseAction({
  target,
  reversed,
  allowed,
  children,
}: {
  target: ReversalTarget;
  reversed: boolean;
  allowed: boolean;
  children?: ReactNode;
}) {
  const reversal = useReverseDialog();
  return (
    <div className="actions">
      {reversal.dialog}
      <ReverseButton target={target} reversed={reversed} allowed={allowed} onOpen={reversal.open} />
      {children}
    </div>
  );
}
