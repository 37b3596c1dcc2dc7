import { Link } from 'react-router';
import { Notice } from '../components/alerts.tsx';
import { PageHeading, SectionHeading } from '../components/headings.tsx';
import type { MessageId } from '../i18n/messages.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { AUDIT_READERS, RESPONDERS, TEAM_MANAGERS, hasAnyRole } from '../session/roles.ts';
import { useSession } from '../session/session-store.ts';

interface Destination {
  to: string;
  title: MessageId;
  description: MessageId;
}

/** The start page: who you are here, and what you may do (links by role). */
export function HomePage() {
  const t = useTranslate();
  const session = useSession();
  if (!session) return null;
  const { user, secondFactors } = session;

  const destinations: Destination[] = [
    ...(hasAnyRole(session, RESPONDERS)
      ? [
          { to: '/gesprekken', title: 'nav.conversations', description: 'home.conversationsDescription' } as const,
          { to: '/dossiers', title: 'nav.cases', description: 'home.casesDescription' } as const,
        ]
      : []),
    ...(hasAnyRole(session, TEAM_MANAGERS)
      ? [
          { to: '/team', title: 'nav.team', description: 'home.teamDescription' } as const,
          { to: '/instellingen/sso', title: 'nav.sso', description: 'home.ssoDescription' } as const,
        ]
      : []),
    ...(hasAnyRole(session, AUDIT_READERS)
      ? [{ to: '/audit', title: 'nav.audit', description: 'home.auditDescription' } as const]
      : []),
    { to: '/account', title: 'nav.account', description: 'home.accountDescription' },
  ];

  return (
    <>
      <PageHeading>{t('home.title', { name: user.displayName })}</PageHeading>
      <p className="nl-paragraph od-lead">
        {user.municipalityName ? t('home.municipality', { name: user.municipalityName }) : t('home.national')}
      </p>
      {secondFactors.recoveryCodesLeft <= 3 && (
        <Notice type="warning">
          <p className="nl-paragraph">
            {t('home.fewRecoveryCodes', { count: secondFactors.recoveryCodesLeft })}{' '}
            <Link className="nl-link" to="/account">
              {t('home.toAccount')}
            </Link>
          </p>
        </Notice>
      )}
      <section aria-labelledby="rollen">
        <SectionHeading level={2} id="rollen">
          {t('home.rolesHeading')}
        </SectionHeading>
        <ul className="utrecht-unordered-list">
          {user.roles.map((role) => (
            <li className="utrecht-unordered-list__item" key={role}>
              <strong>{t(`role.${role}`)}</strong>: {t(`role.${role}.description`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="wat-u-kunt-doen">
        <SectionHeading level={2} id="wat-u-kunt-doen">
          {t('home.whatYouCanDo')}
        </SectionHeading>
        <ul className="od-cards">
          {destinations.map((destination) => (
            <li className="od-card" key={destination.to}>
              <Link className="nl-link od-card__link" to={destination.to}>
                {t(destination.title)}
              </Link>
              <p className="nl-paragraph">{t(destination.description)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
