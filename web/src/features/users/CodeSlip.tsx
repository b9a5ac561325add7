import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { activationPageOf, wibDateTime, type CodeSlipData } from './data.ts';
import './strings.ts';
import './users.css';

/**
 * One printable block with a one-time code: who it is for, the code, until when, and where to use
 * it. When printing, only such blocks go on paper (users.css), each whole on its page.
 */
export function CodeSlip({
  slip,
  heading,
  children,
}: {
  slip: CodeSlipData;
  /** Above the code (a cooperative's name on the managers' list). */
  heading?: ReactNode;
  /** Below it, on screen only (a WhatsApp link). */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation('users');
  return (
    <article className="code-slip" aria-label={`${slip.name} — ${slip.email}`}>
      {heading}
      <h3>{slip.purpose === 'reset' ? t('slipTitleReset') : t('slipTitleActivation')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('slipFor')}</dt>
          <dd>
            {slip.name} — {slip.email}
          </dd>
        </div>
        <div>
          <dt>{t('slipCode')}</dt>
          <dd className="code">{slip.code}</dd>
        </div>
        <div>
          <dt>{t('slipValidUntil')}</dt>
          <dd>{wibDateTime(slip.expiresAt, i18n.language)}</dd>
        </div>
      </dl>
      <p>{t('slipHow', { url: activationPageOf(slip.activationUrl) })}</p>
      {children && <div className="no-print">{children}</div>}
    </article>
  );
}

/** The WhatsApp link of a code, or the words that say why there is none. */
export function WhatsAppLink({ url }: { url?: string | undefined }) {
  const { t } = useTranslation('users');
  if (!url) return <p className="muted">{t('noPhone')}</p>;
  return (
    <a className="button" href={url} target="_blank" rel="noopener noreferrer">
      {t('sendWhatsApp')}
    </a>
  );
}

/** A users screen opened by someone who does not administer users (the server refuses them too). */
export function NotAllowed({ title, text }: { title: string; text: string }) {
  return (
    <section>
      <h1>{title}</h1>
      <p role="alert" className="state error">
        {text}
      </p>
    </section>
  );
}
