import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './strings.ts';

/** What a user without access to a cooperative's members sees instead of a screen that cannot load. */
export function NoAccess({
  title,
  message,
  back,
}: {
  title: string;
  message: string;
  back?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="members">
      <h1>{title}</h1>
      <p role="alert" className="state error">
        {message}
      </p>
      <Link to={back ?? '/'}>{t('back')}</Link>
    </section>
  );
}
