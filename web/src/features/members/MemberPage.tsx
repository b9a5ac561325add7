import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { Notice } from '../../ui/forms.tsx';
import { businessDate } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { EndMembership } from './EndMembership.tsx';
import { MemberEditForm } from './MemberEditForm.tsx';
import { MemberPurchases } from './MemberPurchases.tsx';
import { MemberSavingsSection } from './MemberSavings.tsx';
import { fileUrls, useMember, type Member } from './members-api.ts';
import { membersAccess } from './member-format.ts';
import { NoAccess } from './NoAccess.tsx';
import '../delivery/hub.css';
import './members.css';
import './member-strings.ts';
import './strings.ts';

/**
 * One member: details (editable by the manager), savings balances and the passbook (buku
 * simpanan) with a deposit/withdrawal form, this year's purchases, the card and passbook PDFs, and
 * ending the membership with the savings paid back.
 */
export function MemberPage() {
  const { t } = useTranslation('members');
  const { id = '', memberId = '' } = useParams();
  const { me } = useSession();
  const access = membersAccess(me?.memberships ?? [], id);
  if (access === 'none') return <NoAccess title={t('list.title')} message={t('list.noAccess')} />;
  return <MemberView id={id} memberId={memberId} manage={access === 'manage'} />;
}

function MemberView({ id, memberId, manage }: { id: string; memberId: string; manage: boolean }) {
  const { t } = useTranslation('members');
  const member = useMember(id, memberId);
  const [ended, setEnded] = useState('');
  return (
    <section className="members">
      <p>
        <Link to={`/koperasi/${id}/anggota`}>← {t('member.back')}</Link>
      </p>
      {ended && <Notice>{ended}</Notice>}
      <QueryState query={member}>
        {(m) => (
          <>
            <MemberDetails cooperativeId={id} member={m} manage={manage} />
            <MemberSavingsSection
              cooperativeId={id}
              memberId={m.id}
              active={m.status === 'active'}
              manage={manage}
            />
            <MemberPurchases cooperativeId={id} memberId={m.id} />
            {manage && m.status === 'active' && (
              <EndMembership cooperativeId={id} member={m} onDone={setEnded} />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function MemberDetails({
  cooperativeId,
  member: m,
  manage,
}: {
  cooperativeId: string;
  member: Member;
  manage: boolean;
}) {
  const { t, i18n } = useTranslation('members');
  const lang = i18n.language;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const none = t('member.none');
  const facts: [string, string][] = [
    [t('memberNo'), m.memberNo],
    [t('nik'), m.nik],
    [t('member.gender'), t(`member.gender_${m.gender}`)],
    [t('member.birthDate'), businessDate(m.birthDate, lang)],
    [t('joinedOn'), businessDate(m.joinedOn, lang)],
    [t('status'), t(`status_${m.status}`)],
    ...(m.leftOn ? [[t('member.leftOn'), businessDate(m.leftOn, lang)] as [string, string]] : []),
    [t('role'), m.role ? t(`role_${m.role}`) : none],
    [t('phone'), m.phone ?? none],
    [t('address'), m.address ?? none],
  ];
  return (
    <>
      <div className="page-head">
        <h1 className="wrap">{m.name}</h1>
        {manage && (
          <div className="actions">
            {(
              [
                [fileUrls.card(cooperativeId, m.id), t('member.card')],
                [fileUrls.passbook(cooperativeId, m.id), t('member.passbookPdf')],
              ] as const
            ).map(([href, label]) => (
              <a key={href} className="button secondary" href={href} target="_blank" rel="noopener">
                {label}
              </a>
            ))}
          </div>
        )}
      </div>
      {notice && <Notice>{notice}</Notice>}
      <dl className="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {manage &&
        (editing ? (
          <MemberEditForm
            cooperativeId={cooperativeId}
            member={m}
            onDone={(name) => {
              setEditing(false);
              setNotice(t('member.edited', { name }));
            }}
            onClose={() => setEditing(false)}
          />
        ) : (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setNotice('');
              setEditing(true);
            }}
          >
            {t('member.edit')}
          </button>
        ))}
    </>
  );
}
