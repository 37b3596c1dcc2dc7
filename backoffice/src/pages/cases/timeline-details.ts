import { useIntl } from 'react-intl';
import { CASE_STATUSES, CHILD_CONSENTS, type TimelineEntry } from '../../api/cases-api.ts';
import { meldcodeStep, type MeldcodeStepNumber } from '../../api/meldcode-api.ts';
import { REFERRAL_KINDS } from '../../api/referrals-api.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useCaseLabels } from './case-labels.ts';

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);
const REFERRAL_STATUSES = ['prepared', 'sent', 'confirmed', 'feedback_received'] as const;

/**
 * One line that says what a timeline entry changed, from its details (codes only, never content):
 * "Nieuw → In behandeling", "Stap 4: Melden bij Veilig Thuis", "Veilig Thuis (melding): verstuurd".
 * Undefined when there is nothing to add to the entry's kind.
 */
export function useDescribeEvent(): (entry: TimelineEntry) => string | undefined {
  const t = useTranslate();
  const intl = useIntl();
  const labels = useCaseLabels();
  const english = intl.locale.startsWith('en');
  return ({ kind, details }) => {
    const { from, to, action, step, decision } = details;
    switch (kind) {
      case 'status':
        return isOneOf(CASE_STATUSES, from) && isOneOf(CASE_STATUSES, to)
          ? t('cases.detail.change', { from: labels.status(from), to: labels.status(to) })
          : undefined;
      case 'consent':
        return isOneOf(CHILD_CONSENTS, to) ? labels.consent(to) : undefined;
      case 'meldcode': {
        if (typeof step !== 'number' || step < 1 || step > 5 || typeof decision !== 'string') return undefined;
        const option = meldcodeStep(step as MeldcodeStepNumber).decisions.find((item) => item.code === decision);
        const label = option ? option.label[english ? 'en' : 'nl'] : decision;
        const line = t('cases.detail.meldcode', { step, decision: label });
        return details['departsFromDefault'] === true ? `${line} (${t('meldcode.departs')})` : line;
      }
      case 'referral':
        return isOneOf(REFERRAL_KINDS, details['kind']) && isOneOf(REFERRAL_STATUSES, details['status'])
          ? `${labels.referralKind(details['kind'])}: ${labels.referralStatus(details['status']).toLocaleLowerCase()}`
          : undefined;
      case 'legal_hold':
        return isOneOf(['placed', 'renewed', 'lifted'] as const, action) ? t(`cases.detail.hold.${action}`) : undefined;
      case 'task':
        return isOneOf(['created', 'done'] as const, action) ? t(`cases.detail.task.${action}`) : undefined;
      case 'assignment':
        return isOneOf(['assigned', 'unassigned'] as const, action)
          ? t(`cases.detail.assignment.${action}`)
          : undefined;
      case 'note':
        return details['change'] === 'summary' ? t('cases.detail.summaryChanged') : undefined;
      default:
        return undefined;
    }
  };
}
