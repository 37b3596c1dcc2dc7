import { useState, type FormEvent } from 'react';
import { ErrorAlert, FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { changeOrderStatus, fetchOrders, placeOrder, type StickerOrder } from './stickers-api.ts';

const FIELDS = ['stickers', 'posters', 'deliveryAddress', 'contactName', 'contactEmail', 'contactPhone'] as const;

/** A municipal coordinator orders printed stickers and posters. */
export function OrderForm({ onPlaced }: { onPlaced: () => void }) {
  const t = useTranslate();
  const form = useApiForm(FIELDS);
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], string>>({
    stickers: '10',
    posters: '0',
    deliveryAddress: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  });
  const [placed, setPlaced] = useState(false);
  const field = (name: (typeof FIELDS)[number], extra: Record<string, string> = {}) => ({
    id: form.fieldId(name),
    value: values[name],
    error: form.fieldErrors[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
    ...extra,
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPlaced(false);
    const count = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : NaN);
    void form.submit(
      async () => {
        await placeOrder({ ...values, stickers: count(values.stickers), posters: count(values.posters) });
        setPlaced(true);
        onPlaced();
      },
      {
        stickers: Number.isNaN(count(values.stickers)) ? t('stickers.order.countInvalid') : undefined,
        posters: Number.isNaN(count(values.posters)) ? t('stickers.order.countInvalid') : undefined,
      },
    );
  }

  return (
    <section aria-labelledby="bestellen">
      <SectionHeading level={2} id="bestellen">
        {t('stickers.order.title')}
      </SectionHeading>
      <LiveRegion>{placed && <Notice type="ok">{t('stickers.order.placed')}</Notice>}</LiveRegion>
      <form onSubmit={onSubmit} noValidate>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <TextField label={t('stickers.order.stickers')} inputMode="numeric" {...field('stickers')} />
        <TextField label={t('stickers.order.posters')} inputMode="numeric" {...field('posters')} />
        <TextField
          label={t('stickers.order.address')}
          description={t('stickers.order.addressHint')}
          autoComplete="street-address"
          {...field('deliveryAddress')}
        />
        <TextField label={t('stickers.order.contactName')} autoComplete="name" {...field('contactName')} />
        <TextField
          label={t('stickers.order.contactEmail')}
          type="email"
          autoComplete="email"
          {...field('contactEmail')}
        />
        <TextField label={t('stickers.order.contactPhone')} type="tel" autoComplete="tel" {...field('contactPhone')} />
        <Button appearance="primary" type="submit" busy={form.busy}>
          {t('stickers.order.submit')}
        </Button>
      </form>
    </section>
  );
}

/** The orders: a municipality follows their status; the national coordinator moves them on. */
export function OrdersTable({ national, version }: { national: boolean; version: number }) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const orders = useApiData(fetchOrders, `sticker-orders:${version}`);
  return (
    <section aria-labelledby="bestellingen">
      <SectionHeading level={2} id="bestellingen">
        {t('stickers.orders.title')}
      </SectionHeading>
      {orders.error && <ErrorAlert>{orders.error}</ErrorAlert>}
      {orders.data && orders.data.orders.length === 0 && <p className="nl-paragraph">{t('stickers.orders.none')}</p>}
      {orders.data && orders.data.orders.length > 0 && (
        <TableRegion captionId="bestellingen-caption">
          <table className="utrecht-table">
            <caption id="bestellingen-caption" className="utrecht-table__caption">
              {t('stickers.orders.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(['ordered', 'municipality', 'quantities', 'delivery', 'status'] as const).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {t(`stickers.orders.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {orders.data.orders.map((order) => (
                <tr key={order.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{formatDateTime(order.createdAt)}</td>
                  <td className="utrecht-table__cell">{order.municipalityName}</td>
                  <td className="utrecht-table__cell">
                    {t('stickers.orders.quantityText', { stickers: order.stickers, posters: order.posters })}
                  </td>
                  <td className="utrecht-table__cell">
                    {order.deliveryAddress}
                    <br />
                    {[order.contactName, order.contactEmail, order.contactPhone].filter(Boolean).join(', ')}
                  </td>
                  <td className="utrecht-table__cell">
                    <strong>{t(`stickers.status.${order.status}`)}</strong>
                    {order.statusNote && ` — ${order.statusNote}`}
                    {national && <StatusActions order={order} onChanged={orders.reload} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

function StatusActions({ order, onChanged }: { order: StickerOrder; onChanged: () => void }) {
  const t = useTranslate();
  const form = useApiForm(['note'] as const);
  const [note, setNote] = useState('');
  if (order.status === 'shipped' || order.status === 'rejected') return null;
  const next = order.status === 'requested' ? 'approved' : 'shipped';
  const act = (status: 'approved' | 'shipped' | 'rejected') =>
    void form.submit(async () => {
      await changeOrderStatus(order.id, status, note.trim() || undefined);
      setNote('');
      onChanged();
    });
  return (
    <div>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <TextField
        id={form.fieldId('note')}
        label={t('stickers.orders.note')}
        value={note}
        error={form.fieldErrors.note}
        onChange={(event) => setNote(event.target.value)}
      />
      <ButtonGroup>
        <Button appearance="primary" busy={form.busy} onClick={() => act(next)}>
          {t(next === 'approved' ? 'stickers.orders.approve' : 'stickers.orders.ship')}
        </Button>
        <Button appearance="danger" busy={form.busy} onClick={() => act('rejected')}>
          {t('stickers.orders.reject')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
