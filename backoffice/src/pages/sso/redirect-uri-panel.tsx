import { useState } from 'react';
import { LiveRegion } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { useTranslate } from '../../i18n/use-translate.ts';

/** What the municipality's IT registers at its identity provider: the redirect URI, and what opendeur asks. */
export function RedirectUriPanel({ redirectUri }: { redirectUri: string }) {
  const t = useTranslate();
  const [copied, setCopied] = useState<'yes' | 'failed'>();

  async function copy() {
    try {
      await navigator.clipboard.writeText(redirectUri);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="od-panel" aria-labelledby="sso-registreren">
      <SectionHeading level={2} id="sso-registreren">
        {t('sso.register.heading')}
      </SectionHeading>
      <p className="nl-paragraph">{t('sso.register.intro')}</p>
      <dl className="od-facts">
        <dt>{t('sso.register.redirectUri')}</dt>
        <dd>
          <code className="od-secret">{redirectUri}</code>
        </dd>
      </dl>
      <ButtonGroup>
        <Button onClick={() => void copy()}>{t('sso.register.copy')}</Button>
      </ButtonGroup>
      <LiveRegion>
        {copied && (
          <p className="nl-paragraph">{t(copied === 'yes' ? 'sso.register.copied' : 'sso.register.copyFailed')}</p>
        )}
      </LiveRegion>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{t('sso.register.flow')}</li>
        <li className="utrecht-unordered-list__item">{t('sso.register.scopes')}</li>
        <li className="utrecht-unordered-list__item">{t('sso.register.email')}</li>
      </ul>
    </section>
  );
}
