import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/alerts.tsx';
import { PageHeading, SectionHeading } from '../../components/headings.tsx';
import { MunicipalityPicker } from '../../components/municipality-picker.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { isNationalCoordinator } from '../../session/roles.ts';
import { useSession } from '../../session/session-store.ts';
import { OrderForm, OrdersTable } from './sticker-orders.tsx';
import { fetchQrVisits, stickerPdfUrl } from './stickers-api.ts';

const LANGUAGES = [
  { code: 'nl', name: 'Nederlands' },
  { code: 'en', name: 'English' },
  { code: 'ar', name: 'العربية' },
] as const;

/** Stickers and posters to download, orders of printed ones, and how often the QR code is used. */
export function StickersPage() {
  const t = useTranslate();
  const session = useSession();
  const national = isNationalCoordinator(session);
  const [searchParams] = useSearchParams();
  const code = national ? searchParams.get('gemeente') || null : (session?.user.municipalityCode ?? null);
  const [ordersVersion, setOrdersVersion] = useState(0);
  const [, setPickedName] = useState<string>();
  return (
    <>
      <PageHeading>{t('stickers.title')}</PageHeading>
      <p className="nl-paragraph">{t('stickers.intro')}</p>
      {national && (
        <MunicipalityPicker
          id="stickers-gemeente"
          selected={code}
          onNameKnown={setPickedName}
          labels={{
            form: t('programme.picker.formLabel'),
            select: t('field.municipality'),
            none: t('programme.picker.none'),
            submit: t('programme.picker.show'),
          }}
        />
      )}
      {code && (
        <section aria-labelledby="downloads">
          <SectionHeading level={2} id="downloads">
            {t('stickers.downloads')}
          </SectionHeading>
          <ul className="utrecht-unordered-list">
            {LANGUAGES.map((language) => (
              <li key={language.code} className="utrecht-unordered-list__item" lang={language.code}>
                {language.name}:{' '}
                <a className="nl-link" href={stickerPdfUrl(code, 'sticker', language.code)} download>
                  {t('stickers.stickerA6', { language: language.name })}
                </a>
                {' · '}
                <a className="nl-link" href={stickerPdfUrl(code, 'poster', language.code)} download>
                  {t('stickers.posterA4', { language: language.name })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!national && <OrderForm onPlaced={() => setOrdersVersion((count) => count + 1)} />}
      <OrdersTable national={national} version={ordersVersion} />
      <QrVisitsTable code={national ? (code ?? undefined) : undefined} />
    </>
  );
}

function QrVisitsTable({ code }: { code: string | undefined }) {
  const t = useTranslate();
  const visits = useApiData(() => fetchQrVisits(code), `qr-visits:${code ?? 'all'}`);
  return (
    <section aria-labelledby="qr-bezoeken">
      <SectionHeading level={2} id="qr-bezoeken">
        {t('stickers.visits')}
      </SectionHeading>
      <p className="nl-paragraph">{t('stickers.visitsIntro')}</p>
      {visits.error && <ErrorAlert>{visits.error}</ErrorAlert>}
      {visits.data && visits.data.rows.length === 0 && <p className="nl-paragraph">{t('stickers.visitsNone')}</p>}
      {visits.data && visits.data.rows.length > 0 && (
        <TableRegion captionId="qr-bezoeken-caption">
          <table className="utrecht-table">
            <caption id="qr-bezoeken-caption" className="utrecht-table__caption">
              {t('stickers.visitsCaption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('field.municipality')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('stickers.month')}
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                  {t('stickers.visitCount')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {visits.data.rows.map((row) => (
                <tr key={`${row.municipalityCode}-${row.month}`} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{row.municipalityName}</td>
                  <td className="utrecht-table__cell">{row.month}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{row.visits}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
