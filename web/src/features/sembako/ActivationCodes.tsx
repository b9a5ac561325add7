import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { ConfirmBox } from '../../ui/Confirm.tsx';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import '../delivery/hub.css';
import './strings.ts';

/** Hands a downloaded text to the browser as a file. */
function saveFile(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * The activation codes handed to the OPDs: a download gives codes only to
 * participants who never had one (codes handed out keep working); reissuing
 * every code of an OPD says how many codes stop working and asks first.
 */
export function ActivationCodes({ programId }: { programId: string }) {
  const { t } = useTranslation('sembako');
  const client = useQueryClient();
  const [opd, setOpd] = useState('');
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string>();
  const scope = opd.trim() || undefined;
  const summary = useQuery({
    queryKey: ['activationCodes', programId, scope],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/participants/activation-codes/summary', {
          params: { path: { programId }, query: scope ? { opd: scope } : {} },
        }),
      ),
  });
  const download = useMutation({
    mutationFn: async (input: { reissue?: boolean; expectedCount?: number }) => {
      const res = await api.POST('/api/v1/programs/{programId}/participants/activation-codes', {
        params: { path: { programId } },
        body: { ...(scope ? { opd: scope } : {}), ...input },
        parseAs: 'text',
      });
      const csv = unwrap(res) as string;
      const rows = csv.trim().split(/\r?\n/).length - 1;
      saveFile(csv, `kode-aktivasi${scope ? `-${scope.replace(/[^\w-]+/g, '-')}` : ''}.csv`);
      return rows;
    },
    onMutate: () => setDone(undefined),
    onSuccess: async (rows) => {
      setDone(t('codesDownloaded', { count: rows }));
      await client.invalidateQueries({ queryKey: ['activationCodes', programId] });
    },
    onSettled: () => setAsking(false),
  });
  return (
    <div className="form">
      <ProblemScope error={download.error}>
        <Field label={t('opd')} hint={t('opdAll')} path="/opd">
          <input value={opd} onChange={(e) => setOpd(e.target.value)} />
        </Field>
        <QueryState query={summary}>
          {(s) => (
            <>
              <p>{t('codesSummary', s)}</p>
              {done && <Notice>{done}</Notice>}
              <ProblemAlert error={download.error} />
              {asking ? (
                <ConfirmBox
                  label={t('reissueCodes')}
                  message={t('reissueConfirm', { count: s.notActivated, withCode: s.withCode })}
                  yes={t('reissueYes')}
                  busy={download.isPending}
                  busyLabel={t('codesWorking')}
                  onYes={() => download.mutate({ reissue: true, expectedCount: s.notActivated })}
                  onNo={() => setAsking(false)}
                />
              ) : (
                <div className="actions">
                  {s.withoutCode > 0 && (
                    <button
                      type="button"
                      disabled={download.isPending}
                      onClick={() => download.mutate({})}
                    >
                      {t('downloadCodes', { count: s.withoutCode })}
                    </button>
                  )}
                  {s.notActivated > 0 && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={download.isPending}
                      onClick={() => {
                        download.reset();
                        setAsking(true);
                      }}
                    >
                      {t('reissueCodes')}
                    </button>
                  )}
                </div>
              )}
            </>
          )}
        </QueryState>
      </ProblemScope>
    </div>
  );
}
