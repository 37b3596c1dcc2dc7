/**
 * Through the real app: legal hold (coordinator only, with a reason, on the timeline and audited), the
 * case settings (coordinator only, Dutch errors) and the PDF export of a case file with its audit entry.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { startFollowUpWorld, type FollowUpWorld } from '../../../test/helpers/follow-up-world.ts';
import { caseReference } from './case-reference.ts';

for (const target of databaseTargets()) {
  describe(`legal hold, case settings and the PDF export (${target.name})`, () => {
    let world: FollowUpWorld;
    before(async () => {
      world = await startFollowUpWorld(target);
    });
    after(async () => {
      await world?.stop();
    });

    describe('legal hold', () => {
      it('is placed and lifted by the coordinator only, with a reason, on the timeline and audited', async () => {
        const caseId = await world.insertCase();
        const byResponder = await world.responder.client.put(`/api/v1/cases/${caseId}/legal-hold`, {
          reason: 'Rechtszaak',
        });
        assert.equal(byResponder.status, 403);
        assert.equal(byResponder.body.error.id, 'auth.forbidden');
        const noReason = await world.coordinator.client.put(`/api/v1/cases/${caseId}/legal-hold`, { reason: '  ' });
        assert.equal(noReason.status, 400);
        assert.equal(noReason.body.error.field, 'reason');
        const placed = await world.coordinator.client.put(`/api/v1/cases/${caseId}/legal-hold`, {
          reason: 'Verzoek van de officier van justitie',
        });
        assert.equal(placed.status, 204, placed.text);
        const held = await world.owner<{ legal_hold_since: Date | null; legal_hold_reason: string | null }>(
          'SELECT legal_hold_since, legal_hold_reason FROM cases WHERE id = $1',
          [caseId],
        );
        assert.equal(held[0]!.legal_hold_since?.toISOString(), world.clock().toISOString());
        assert.equal(held[0]!.legal_hold_reason, 'Verzoek van de officier van justitie');
        world.clock.advance(60_000);
        const liftByResponder = await world.responder.client.delete(`/api/v1/cases/${caseId}/legal-hold`);
        assert.equal(liftByResponder.status, 403);
        const lifted = await world.coordinator.client.delete(`/api/v1/cases/${caseId}/legal-hold`);
        assert.equal(lifted.status, 204);
        const after = await world.owner<{ legal_hold_since: Date | null }>(
          'SELECT legal_hold_since FROM cases WHERE id = $1',
          [caseId],
        );
        assert.equal(after[0]!.legal_hold_since, null);
        const events = await world.owner<{ kind: string; details: Record<string, unknown>; body: Buffer | null }>(
          'SELECT kind, details, body FROM case_events WHERE case_id = $1 ORDER BY created_at, id',
          [caseId],
        );
        assert.deepEqual(
          events.map((event) => [event.kind, event.details.action]),
          [
            ['legal_hold', 'placed'],
            ['legal_hold', 'lifted'],
          ],
        );
        assert.ok(events[0]!.body, 'the reason is on the timeline, encrypted');
        assert.deepEqual(await world.auditActions(caseId), ['case.legal_hold_placed', 'case.legal_hold_lifted']);
      });
    });

    describe('case settings', () => {
      it('shows the defaults, lets only the coordinator change them, with Dutch errors', async () => {
        const defaults = await world.responder.client.get('/api/v1/case-settings');
        assert.equal(defaults.status, 200, defaults.text);
        assert.deepEqual(defaults.body, {
          retentionMonthsReferred: 240,
          retentionMonthsOther: 60,
          staleAfterDays: 7,
          isDefault: true,
        });
        const wanted = { retentionMonthsReferred: 180, retentionMonthsOther: 24, staleAfterDays: 14 };
        const byResponder = await world.responder.client.put('/api/v1/case-settings', wanted);
        assert.equal(byResponder.status, 403);
        const tooShort = await world.coordinator.client.put('/api/v1/case-settings', {
          ...wanted,
          retentionMonthsOther: 0,
        });
        assert.equal(tooShort.status, 400);
        assert.equal(tooShort.body.error.id, 'case_settings.retention_invalid');
        assert.equal(tooShort.body.error.field, 'retentionMonthsOther');
        assert.match(tooShort.body.error.message, /bewaartermijn/);
        const fraction = await world.coordinator.client.put('/api/v1/case-settings', {
          ...wanted,
          staleAfterDays: 2.5,
        });
        assert.equal(fraction.body.error?.id, 'case_settings.stale_invalid');
        const saved = await world.coordinator.client.put('/api/v1/case-settings', wanted);
        assert.equal(saved.status, 200, saved.text);
        assert.deepEqual(saved.body, { ...wanted, isDefault: false });
        assert.deepEqual((await world.responder.client.get('/api/v1/case-settings')).body, {
          ...wanted,
          isDefault: false,
        });
        const audit = await world.owner<{ details: unknown }>(
          `SELECT details FROM audit_log WHERE action = 'case_settings.updated' AND object_id = 'GM0363'`,
        );
        assert.deepEqual(
          audit.map((row) => row.details),
          [wanted],
        );
      });
    });

    describe('export', () => {
      it('produces an A4 PDF with the case file, on the timeline and audited; an outsider gets none', async () => {
        const caseId = await world.insertCase({
          category: 'abuse_violence',
          summary: 'Kind meldt zich bij de balie over de papegaaienzolder',
          note: 'Notitie over de kwallenschuur',
          meldcode: {
            answers: { suspicion: true, acute_unsafety: false },
            decision: 'organise_help',
            reason: 'Hulp is al georganiseerd bij het wijkteam',
          },
          referral: { recipientName: 'Veilig Thuis Amsterdam', summary: 'Samenvatting voor de zeehondenkamer' },
        });
        const outsider = await world.colleague.client.get(`/api/v1/cases/${caseId}/export.pdf`);
        assert.equal(outsider.status, 403);
        assert.deepEqual(await world.auditActions(caseId), [], 'a refused export is not an export');

        const response = await fetch(new URL(`/api/v1/cases/${caseId}/export.pdf`, world.app.baseUrl), {
          headers: {
            cookie: [...world.responder.client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          },
        });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'application/pdf');
        assert.match(response.headers.get('content-disposition') ?? '', /dossier-D-[0-9A-F]{8}\.pdf/);
        const pdf = Buffer.from(await response.arrayBuffer());
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4');

        if (existsSync('/usr/bin/pdftotext')) {
          const directory = await mkdtemp(path.join(os.tmpdir(), 'opendeur-case-pdf-'));
          try {
            const file = path.join(directory, 'case.pdf');
            await writeFile(file, pdf);
            const { stdout } = await promisify(execFile)('/usr/bin/pdftotext', ['-layout', file, '-']);
            const text = stdout.replace(/\s+/g, ' ');
            for (const expected of [
              `Dossier ${caseReference(caseId)}`,
              'Gemeente Amsterdam',
              'In behandeling',
              'Mishandeling en geweld',
              'papegaaienzolder',
              'kwallenschuur',
              'Stap 4',
              'Hulp is al georganiseerd bij het wijkteam',
              'Veilig Thuis Amsterdam',
              'zeehondenkamer',
            ])
              assert.ok(text.includes(expected), `the PDF shows "${expected}": ${text.slice(0, 3000)}`);
          } finally {
            await rm(directory, { recursive: true, force: true });
          }
        }
        const audit = await world.owner<{ action: string; actor_user_id: string; details: unknown }>(
          `SELECT action, actor_user_id, details FROM audit_log WHERE object_id = $1`,
          [caseId],
        );
        assert.deepEqual(audit, [
          {
            action: 'case.exported',
            actor_user_id: world.responder.userId,
            details: { format: 'pdf', via: 'assignee' },
          },
        ]);
        const events = await world.owner<{ kind: string }>(
          `SELECT kind FROM case_events WHERE case_id = $1 AND kind = 'export'`,
          [caseId],
        );
        assert.equal(events.length, 1);
      });
    });
  });
}
