import { createBrowserRouter } from 'react-router';
import { AppShell } from './components/app-shell.tsx';
import { LoadingPage, NotFoundPage, RouteErrorPage } from './components/route-error-page.tsx';
import { AccountPage } from './pages/account-page.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { CasePage } from './pages/cases/case-page.tsx';
import { CasesPage } from './pages/cases/cases-page.tsx';
import { ReferralDirectoryPage } from './pages/cases/referral-directory-page.tsx';
import { ConversationPage } from './pages/conversations/conversation-page.tsx';
import { InboxPage } from './pages/conversations/inbox-page.tsx';
import { EnrolmentPage } from './pages/enrolment-page.tsx';
import { FrontDeskPage } from './pages/front-desk/front-desk-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { InvitationPage } from './pages/invitation-page.tsx';
import { SetupPage } from './pages/setup-page.tsx';
import { SecondStepPage } from './pages/sign-in/second-step-page.tsx';
import { SignInPage } from './pages/sign-in/sign-in-page.tsx';
import { SsoSettingsPage } from './pages/sso-settings-page.tsx';
import { TeamPage } from './pages/team-page.tsx';
import { ApplicationsPage } from './pages/programme/applications-page.tsx';
import { ReadinessPage } from './pages/programme/readiness-page.tsx';
import { RosterPage } from './pages/roster/roster-page.tsx';
import { SettingsPage } from './pages/programme/settings-page.tsx';
import { StickersPage } from './pages/stickers/stickers-page.tsx';
import { ToolkitEditPage } from './pages/toolkit/toolkit-edit-page.tsx';
import { ToolkitListPage } from './pages/toolkit/toolkit-list-page.tsx';
import { ToolkitPage } from './pages/toolkit/toolkit-page.tsx';
import { TestimonialsPage } from './pages/testimonials/testimonials-page.tsx';
import { AUDIT_READERS, FRONT_DESK, RESPONDERS, TEAM_MANAGERS } from './session/roles.ts';
import {
  redirectWhenFullySignedIn,
  requireEnrolmentAllowed,
  requireFullSession,
  requireRole,
  requireSecondStep,
} from './session/route-guards.ts';
import { loadSessionOnce } from './session/session-store.ts';

/**
 * Every page of the back office under /beheer. The shell stays on screen for errors too (the error
 * boundary is the pathless child route), so a 403 still shows the header and navigation.
 */
export function createBackOfficeRouter() {
  return createBrowserRouter(
    [
      {
        path: '/',
        element: <AppShell />,
        loader: async () => {
          await loadSessionOnce();
          return null;
        },
        hydrateFallbackElement: <LoadingPage />,
        errorElement: <RouteErrorPage />,
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <HomePage />, loader: requireFullSession },
              { path: 'setup', element: <SetupPage /> },
              { path: 'aanmelden', element: <SignInPage />, loader: redirectWhenFullySignedIn },
              { path: 'aanmelden/tweede-stap', element: <SecondStepPage />, loader: requireSecondStep },
              { path: 'tweede-factor', element: <EnrolmentPage />, loader: requireEnrolmentAllowed },
              { path: 'uitnodiging', element: <InvitationPage /> },
              { path: 'account', element: <AccountPage />, loader: requireFullSession },
              { path: 'gesprekken', element: <InboxPage />, loader: requireRole(RESPONDERS) },
              { path: 'gesprekken/:id', element: <ConversationPage />, loader: requireRole(RESPONDERS) },
              { path: 'dossiers', element: <CasesPage />, loader: requireRole(RESPONDERS) },
              { path: 'dossiers/:id', element: <CasePage />, loader: requireRole(RESPONDERS) },
              { path: 'verwijzers', element: <ReferralDirectoryPage />, loader: requireRole(RESPONDERS) },
              { path: 'balie', element: <FrontDeskPage />, loader: requireRole(FRONT_DESK) },
              { path: 'team', element: <TeamPage />, loader: requireRole(TEAM_MANAGERS) },
              { path: 'instellingen/sso', element: <SsoSettingsPage />, loader: requireRole(TEAM_MANAGERS) },
              { path: 'aanmeldingen', element: <ApplicationsPage />, loader: requireRole(['national_coordinator']) },
              { path: 'gereedheid', element: <ReadinessPage />, loader: requireRole(TEAM_MANAGERS) },
              { path: 'rooster', element: <RosterPage />, loader: requireRole(TEAM_MANAGERS) },
              { path: 'instellingen', element: <SettingsPage />, loader: requireRole(TEAM_MANAGERS) },
              { path: 'toolkit', element: <ToolkitListPage />, loader: requireFullSession },
              { path: 'toolkit/:slug', element: <ToolkitPage />, loader: requireFullSession },
              {
                path: 'toolkit/:slug/bewerken',
                element: <ToolkitEditPage />,
                loader: requireRole(['national_coordinator']),
              },
              { path: 'stickers', element: <StickersPage />, loader: requireRole(TEAM_MANAGERS) },
              {
                path: 'getuigenissen',
                element: <TestimonialsPage />,
                loader: requireRole(['national_coordinator']),
              },
              { path: 'audit', element: <AuditPage />, loader: requireRole(AUDIT_READERS) },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
    { basename: '/beheer' },
  );
}
