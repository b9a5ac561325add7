import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { homeOf, useSignedIn } from '../../app/session.tsx';

/** Sign in with e-mail and password; the server sets the session cookie. */
export function LoginPage() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError(t('email') + ' / ' + t('password'));
      return;
    }
    setBusy(true);
    const res = await api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } });
    setBusy(false);
    if (!res.data) {
      setError((res.error as { detail?: string } | undefined)?.detail ?? res.response.statusText);
      return;
    }
    await signedIn(res.data.user);
    navigate(homeOf(res.data.user));
  }

  return (
    <main className="login">
      <h1>{t('appName')}</h1>
      <form onSubmit={submit} noValidate>
        <label>
          {t('email')}
          <input
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label>
          {t('password')}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
      <p>
        <Link to="/aktivasi">{t('activationLink')}</Link>
      </p>
      <p>
        <Link to="/asn/masuk">{t('asnSignInLink')}</Link>
      </p>
    </main>
  );
}
