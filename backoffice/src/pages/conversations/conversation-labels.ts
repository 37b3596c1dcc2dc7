import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AgeRange, ConversationStatus } from '../../api/conversations-api.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

/** The first part of a conversation's id: enough to tell conversations apart when talking about them. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** The current time, moving on every `intervalMs`, so "12 min geleden" stays true on an open page. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Status, age range and "time since" in the user's language. */
export function useConversationLabels() {
  const t = useTranslate();
  const intl = useIntl();
  return {
    status: (status: ConversationStatus) => t(`conversations.status.${status}`),
    ageRange: (ageRange: AgeRange | null) =>
      ageRange ? t(`conversations.age.${ageRange}`) : t('conversations.age.unknown'),
    /** "zojuist", "12 min. geleden", "3 uur geleden", "2 dagen geleden". */
    since: (iso: string, now: Date) => {
      const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000);
      if (minutes < 1) return t('conversations.justNow');
      if (minutes < 60) return intl.formatRelativeTime(-minutes, 'minute', { style: 'short' });
      const hours = Math.floor(minutes / 60);
      if (hours < 24) return intl.formatRelativeTime(-hours, 'hour');
      return intl.formatRelativeTime(-Math.floor(hours / 24), 'day', { numeric: 'always' });
    },
  };
}
