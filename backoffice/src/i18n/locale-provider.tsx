import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { setApiLanguage } from '../api/api-client.ts';
import { useSession } from '../session/session-store.ts';
import { initialLocale, storeLocale, storedLocale } from './locale-preference.ts';
import { CATALOGUES, type Locale } from './messages.ts';

interface LocaleChoice {
  locale: Locale;
  chooseLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleChoice | undefined>(undefined);

/** Messages in the chosen language; keeps `lang` on <html> and the API's Accept-Language in step. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const [locale, setLocale] = useState<Locale>(() => initialLocale());

  // Without a stored choice, follow the account's language once someone signs in.
  const accountLocale = session?.user.locale;
  useEffect(() => {
    if (accountLocale && !storedLocale()) setLocale(initialLocale(accountLocale));
  }, [accountLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // Set during render, not in an effect: children's effects (their first requests) run before ours.
  setApiLanguage(locale);

  const choice = useMemo<LocaleChoice>(
    () => ({
      locale,
      chooseLocale: (next) => {
        storeLocale(next);
        setLocale(next);
      },
    }),
    [locale],
  );

  return (
    <LocaleContext.Provider value={choice}>
      <IntlProvider locale={locale} defaultLocale="nl" messages={CATALOGUES[locale]}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

/** The current language and a way to change it. */
export function useLocaleChoice(): LocaleChoice {
  const choice = useContext(LocaleContext);
  if (!choice) throw new Error('useLocaleChoice outside LocaleProvider');
  return choice;
}
