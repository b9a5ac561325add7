import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramCtx } from './data.ts';
import './strings.ts';

/** A program screen about one period: says so while the program has none yet. */
export function NeedPeriod({
  ctx,
  children,
}: {
  ctx: ProgramCtx;
  children: (month: string) => ReactNode;
}) {
  const { t } = useTranslation('sembako');
  if (!ctx.month) return <p className="state">{t('noPeriod')}</p>;
  return <>{children(ctx.month)}</>;
}
