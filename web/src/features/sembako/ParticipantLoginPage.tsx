import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { Field, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import './strings.ts';

const NIP = /^\d{18}$/;

/** A civil servant signs in with NIP and password, or activates the account with the one-time code. */
export function ParticipantLoginPage() {
  const { t, i18n } = useTranslation('sembako');
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'login' | 'activate'>('login');
  const [nip, setNip] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = nip.replace(/\s+/g, '');
    const errs: Record<string, string> = {};
    if (!NIP.test(n)) errs.nip = t('invalidNip');
    if (!password) errs.password = t('needPassword');
    else if (mode === 'activate' && password.length < 8) errs.password = t('shortPassword');
    if (mode === 'activate' && !code.trim()) errs.code = t('needCode');
    setErrors(errs);
    setProblem(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const data =
        mode === 'login'
          ? unwrap(
              await api.POST('/api/v1/auth/participants/login', { body: { nip: n, password } }),
            )
          : unwrap(
              await api.POST('/api/v1/auth/participants/activate', {
                body: { nip: n, password, activationCode: code.trim() },
              }),
            );
      const locale = data.user.locale;
      if (locale === 'id' || locale === 'en') {
        localStorage.setItem('lumbung.lang', locale);
        await i18n.changeLanguage(locale);
      }
      await refresh();
      navigate('/asn');
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <h1>{mode === 'login' ? t('asnSignInTitle') : t('activationTitle')}</h1>
      <p className="muted">{mode === 'login' ? t('asnSignInHint') : t('activationHint')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ProblemScope error={problem}>
          <Field label={t('nip')} error={errors.nip} path="/nip">
            <input
              inputMode="numeric"
              autoComplete="username"
              value={nip}
              onChange={(e) => setNip(e.target.value)}
            />
          </Field>
          {mode === 'activate' && (
            <Field label={t('activationCode')} error={errors.code} path="/activationCode">
              <input
                autoComplete="one-time-code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </Field>
          )}
          <Field
            label={mode === 'login' ? t('password') : t('newPassword')}
            error={errors.password}
            path="/password"
          >
            <input
              type="password"
              autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <ProblemAlert error={problem} />
          <button type="submit" disabled={busy}>
            {mode === 'login'
              ? busy
                ? t('signingIn')
                : t('signIn')
              : busy
                ? t('activating')
                : t('activate')}
          </button>
        </ProblemScope>
      </form>
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setMode(mode === 'login' ? 'activate' : 'login');
            setErrors({});
            setProblem(null);
          }}
        >
          {mode === 'login' ? t('activationTitle') : t('signIn')}
        </button>
      </p>
      <p>
        <Link to="/login">{t('staffSignIn')}</Link>
      </p>
    </main>
  );
}
