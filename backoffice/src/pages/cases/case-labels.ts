import { useIntl } from 'react-intl';
import {
  TIMELINE_KINDS,
  type CaseOrigin,
  type CaseStatus,
  type ChildConsent,
  type TimelineKind,
} from '../../api/cases-api.ts';
import type { ReferralKind, ReferralStatus } from '../../api/referrals-api.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

/** Words for the case's codes in the user's language (status, origin, consent, referral, timeline kind). */
export function useCaseLabels() {
  const t = useTranslate();
  return {
    status: (status: CaseStatus) => t(`cases.status.${status}`),
    origin: (origin: CaseOrigin) => t(`cases.origin.${origin}`),
    consent: (consent: ChildConsent) => t(`cases.consent.${consent}`),
    referralKind: (kind: ReferralKind) => t(`referrals.kind.${kind}`),
    referralStatus: (status: ReferralStatus) => t(`referrals.status.${status}`),
    eventKind: (kind: string) =>
      (TIMELINE_KINDS as readonly string[]).includes(kind)
        ? t(`cases.event.${kind as TimelineKind}`)
        : t('cases.event.other'),
  };
}

/** A date without the time ("3 dec 2026"), for due dates and terms. */
export function useFormatDate(): (iso: string) => string {
  const intl = useIntl();
  return (iso) => intl.formatDate(iso, { dateStyle: 'medium' });
}
