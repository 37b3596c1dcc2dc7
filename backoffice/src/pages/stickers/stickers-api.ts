/** Stickers and posters (PDF links), sticker orders and QR visit figures. */
import { apiRequest, apiUrl } from '../../api/api-client.ts';

export type OrderStatus = 'requested' | 'approved' | 'shipped' | 'rejected';

export interface StickerOrder {
  id: string;
  municipalityCode: string;
  municipalityName: string;
  stickers: number;
  posters: number;
  deliveryAddress: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  status: OrderStatus;
  statusNote: string | null;
  createdAt: string;
  statusChangedAt: string;
}

export interface OrderRequest {
  stickers: number;
  posters: number;
  deliveryAddress: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

/** The address of a PDF (a plain link: the browser downloads it with the session cookie). */
export function stickerPdfUrl(code: string, format: 'sticker' | 'poster', lang: string): string {
  return apiUrl(`/stickers/${code.toLowerCase()}/${format}.pdf`, { lang });
}

export function fetchOrders(): Promise<{ orders: StickerOrder[] }> {
  return apiRequest('GET', '/sticker-orders');
}

export function placeOrder(body: OrderRequest): Promise<{ id: string }> {
  return apiRequest('POST', '/sticker-orders', { body });
}

export function changeOrderStatus(id: string, status: Exclude<OrderStatus, 'requested'>, note?: string): Promise<void> {
  return apiRequest('POST', `/sticker-orders/${id}/status`, { body: note ? { status, note } : { status } });
}

export function fetchQrVisits(code?: string): Promise<{
  rows: Array<{ municipalityCode: string; municipalityName: string; month: string; visits: number }>;
}> {
  return apiRequest('GET', '/qr-visits', { query: { municipality: code } });
}
