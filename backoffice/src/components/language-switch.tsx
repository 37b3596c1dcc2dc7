import { LANGUAGE_NAMES } from '../i18n/messages.ts';
import { useLocaleChoice } from '../i18n/locale-provider.tsx';
import { Button } from './buttons.tsx';

/** Switches between Dutch and English; the button speaks the language it switches to. */
export function LanguageSwitch() {
  const { locale, chooseLocale } = useLocaleChoice();
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <Button appearance="subtle" lang={other} onClick={() => chooseLocale(other)}>
      {LANGUAGE_NAMES[other]}
    </Button>
  );
}
