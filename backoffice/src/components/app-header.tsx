import { NavLink, Link } from 'react-router';
import { useTranslate } from '../i18n/use-translate.ts';
import { AUDIT_READERS, FRONT_DESK, RESPONDERS, TEAM_MANAGERS, hasAnyRole } from '../session/roles.ts';
import { useSession } from '../session/session-store.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { SignOutButton } from './sign-out-button.tsx';

/** Name of the app, the pages this user may open, who is signed in, language and sign-out. */
export function AppHeader() {
  const t = useTranslate();
  const session = useSession();
  const signedIn = session?.stage === 'full';
  const navLink = ({ isActive }: { isActive: boolean }) =>
    `nl-link od-nav__link${isActive ? ' od-nav__link--current' : ''}`;

  return (
    <header className="od-header">
      <div className="od-header__bar">
        <Link className="od-brand" to="/">
          {t('app.name')}
        </Link>
        <div className="od-header__tools">
          {session && (
            <p className="od-user">
              <span className="od-user__name">{session.user.displayName}</span>
              <span className="od-user__municipality">{session.user.municipalityName ?? t('header.national')}</span>
            </p>
          )}
          <LanguageSwitch />
          {session && <SignOutButton />}
        </div>
      </div>
      {signedIn && (
        <nav className="od-nav" aria-label={t('nav.label')}>
          <ul className="od-nav__list">
            <li>
              <NavLink className={navLink} to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {hasAnyRole(session, RESPONDERS) && (
              <li>
                <NavLink className={navLink} to="/gesprekken">
                  {t('nav.conversations')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, RESPONDERS) && (
              <li>
                <NavLink className={navLink} to="/dossiers">
                  {t('nav.cases')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, FRONT_DESK) && (
              <li>
                <NavLink className={navLink} to="/balie">
                  {t('nav.frontDesk')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, TEAM_MANAGERS) && (
              <li>
                <NavLink className={navLink} to="/team">
                  {t('nav.team')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, TEAM_MANAGERS) && (
              <li>
                <NavLink className={navLink} to="/instellingen/sso">
                  {t('nav.sso')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, ['national_coordinator']) && (
              <li>
                <NavLink className={navLink} to="/aanmeldingen">
                  {t('nav.applications')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, TEAM_MANAGERS) && (
              <li>
                <NavLink className={navLink} to="/gereedheid">
                  {t('nav.readiness')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, TEAM_MANAGERS) && (
              <li>
                <NavLink className={navLink} to="/rooster">
                  {t('nav.roster')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, TEAM_MANAGERS) && (
              <li>
                <NavLink className={navLink} to="/instellingen" end>
                  {t('nav.settings')}
                </NavLink>
              </li>
            )}
            <li>
              <NavLink className={navLink} to="/toolkit">
                {t('nav.toolkit')}
              </NavLink>
            </li>
            {hasAnyRole(session, TEAM_MANAGERS) && (
              <li>
                <NavLink className={navLink} to="/stickers">
                  {t('nav.stickers')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, ['national_coordinator']) && (
              <li>
                <NavLink className={navLink} to="/getuigenissen">
                  {t('nav.testimonials')}
                </NavLink>
              </li>
            )}
            {hasAnyRole(session, AUDIT_READERS) && (
              <li>
                <NavLink className={navLink} to="/audit">
                  {t('nav.audit')}
                </NavLink>
              </li>
            )}
            <li>
              <NavLink className={navLink} to="/account">
                {t('nav.account')}
              </NavLink>
            </li>
          </ul>
        </nav>
      )}
    </header>
  );
}
