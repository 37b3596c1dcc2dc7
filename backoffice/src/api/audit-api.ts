/** The audit log: read with filters, export as CSV, verify the hash chain. */
import { apiRequest, apiUrl } from './api-client.ts';
import type { AuditChainVerdict, AuditList, AuditQuery } from './contract-types.ts';

/** GET /api/v1/audit?from&to&action&actor */
export function fetchAuditLog(query: AuditQuery): Promise<AuditList> {
  return apiRequest('GET', '/audit', { query: { ...query } });
}

/** The address of the CSV export with the same filters (a plain link: the browser downloads it). */
export function auditCsvUrl(query: AuditQuery): string {
  return apiUrl('/audit.csv', { ...query });
}

/** GET /api/v1/audit/verify */
export function verifyAuditChain(): Promise<AuditChainVerdict> {
  return apiRequest('GET', '/audit/verify');
}
