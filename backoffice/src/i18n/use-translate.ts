import { useIntl } from 'react-intl';
import type { MessageId } from './messages.ts';

type Values = Record<string, string | number | Date>;

/** `t(id, values)`: a message from the catalogue, with ids checked against nl.json. */
export function useTranslate(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}

/** Dates and times the way the user's language writes them. */
export function useFormatDateTime(): (iso: string) => string {
  const intl = useIntl();
  return (iso) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}
