import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { homeOf, useSignedIn } from '../../app/session.tsx';
import { Field, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import './strings.ts';

/**
 * What an activation link carries in its fragment (`#email=…&kode=…`): a fragment never reaches
 * the server, so the code stays out of its logs.
 */
function fromLink(): { email: string; code: string } {
  const p = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return { email: p.get('email') ?? '', code: p.get('kode') ?? '' };
}

/**
 * A staff user sets a password with the one-time code from the administrator (an activation code
 * or a reset code) and lands, signed in, on the role's first screen.
 */
export function ActivationPage() {
  const { t } = useTranslation('users', { keyPrefix: 'activation' });
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const [f, setF] = useState(() => ({ ...fromLink(), password: '', repeat: '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!f.email.trim()) errs.email = t('needEmail');
    if (!f.code.trim()) errs.code = t('needCode');
    if (f.password.length < 8) errs.password = t('shortPassword');
    else if (f.password !== f.repeat) errs.repeat = t('mismatch');
    setErrors(errs);
    setProblem(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const data = unwrap(
        await api.POST('/api/v1/auth/activate', {
          body: { email: f.email.trim(), code: f.code.trim(), password: f.password },
        }),
      );
      // The code is spent: it leaves the address bar and the browser's history entry.
      window.history.replaceState(null, '', window.location.pathname);
      await signedIn(data.user);
      navigate(homeOf(data.user));
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ProblemScope error={problem}>
          <Field label={t('email')} error={errors.email} path="/email">
            <input type="email" autoComplete="username" value={f.email} onChange={set('email')} />
          </Field>
          <Field label={t('code')} error={errors.code} path="/code">
            <input autoComplete="one-time-code" value={f.code} onChange={set('code')} />
          </Field>
          {(['password', 'repeat'] as const).map((k) => (
            <Field
              key={k}
              label={t(k)}
              error={errors[k]}
              path={k === 'password' ? '/password' : undefined}
            >
              <input type="password" autoComplete="new-password" value={f[k]} onChange={set(k)} />
            </Field>
          ))}
          <ProblemAlert error={problem} />
          <button type="submit" disabled={busy}>
            {busy ? t('submitting') : t('submit')}
          </button>
        </ProblemScope>
      </form>
      <p>
        <Link to="/login">{t('toLogin')}</Link>
      </p>
    </main>
  );
}
