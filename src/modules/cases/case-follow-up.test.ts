/**
 * Follow-up through the real app: tasks (create, overdue, done), the reminder e-mailed once by the
 * durable pg-boss sweep, and the untouched-case flag e-mailed once and cleared by activity. Cases are
 * inserted directly (test/helpers/follow-up-case.ts); e-mail goes through a real SMTP server.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import PgBoss from 'pg-boss';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { startFollowUpWorld, type FollowUpWorld } from '../../../test/helpers/follow-up-world.ts';
import { signIn } from '../../../test/helpers/staff.ts';
import { startCaseJobs, type CaseJobs } from './case-jobs.ts';
import { caseReference } from './case-reference.ts';
import { runStaleFlags } from './case-sweeps.ts';

const DAY = 24 * 60 * 60 * 1000;
const TASK_TITLE = 'Bel de mentor over de vlindertuinmuur';

for (const target of databaseTargets()) {
  describe(`follow-up tasks and untouched cases (${target.name})`, () => {
    let world: FollowUpWorld;
    before(async () => {
      world = await startFollowUpWorld(target);
    });
    after(async () => {
      await world?.stop();
    });

    describe('tasks', () => {
      let caseId: string;
      let taskId: string;
      let jobs: CaseJobs | undefined;
      after(async () => {
        await jobs?.stop();
      });

      it('adds a task for an assignee of the case, refuses others and an outside assignee', async () => {
        caseId = await world.insertCase();
        const dueAt = new Date(world.clock().getTime() + DAY).toISOString();
        const created = await world.responder.client.post(`/api/v1/cases/${caseId}/tasks`, {
          title: TASK_TITLE,
          dueAt,
        });
        assert.equal(created.status, 200, created.text);
        assert.equal(created.body.title, TASK_TITLE);
        assert.equal(created.body.dueAt, dueAt);
        assert.equal(created.body.overdue, false);
        assert.equal(created.body.assignee, null);
        taskId = created.body.id;

        const outsider = await world.colleague.client.post(`/api/v1/cases/${caseId}/tasks`, { title: 'x', dueAt });
        assert.equal(outsider.status, 403);
        assert.equal(outsider.body.error.id, 'case.access_denied');
        const badAssignee = await world.responder.client.post(`/api/v1/cases/${caseId}/tasks`, {
          title: 'Voor iemand van buiten',
          dueAt,
          assigneeUserId: '00000000-0000-4000-8000-000000000000',
        });
        assert.equal(badAssignee.status, 400);
        assert.equal(badAssignee.body.error.id, 'case_task.assignee_invalid');
        const noTitle = await world.responder.client.post(`/api/v1/cases/${caseId}/tasks`, { title: ' ', dueAt });
        assert.equal(noTitle.status, 400);

        const stored = await world.owner<{ title: Buffer }>('SELECT title FROM case_tasks WHERE id = $1', [taskId]);
        assert.ok(!stored[0]!.title.toString('latin1').includes('vlindertuinmuur'), 'the title is stored encrypted');
        const events = await world.owner<{ kind: string; details: Record<string, unknown> }>(
          'SELECT kind, details FROM case_events WHERE case_id = $1',
          [caseId],
        );
        assert.deepEqual(
          events.map((event) => [event.kind, event.details.action, event.details.taskId]),
          [['task', 'created', taskId]],
        );
        assert.deepEqual(await world.auditActions(caseId), ['case.task_created']);
      });

      it('shows the task overdue once due, and the pg-boss sweep e-mails one content-free reminder', async () => {
        world.clock.advance(DAY + 60_000);
        // A day later the sessions have expired: everyone signs in again.
        for (const member of [world.coordinator, world.responder, world.colleague])
          member.client = await signIn(world.app, world.clock, member);
        const listed = await world.responder.client.get(`/api/v1/cases/${caseId}/tasks`);
        assert.equal(listed.status, 200, listed.text);
        assert.equal(listed.body.tasks.length, 1);
        assert.equal(listed.body.tasks[0].overdue, true);
        assert.equal(listed.body.tasks[0].remindedAt, null);

        // A pg-boss of its own beside the app's, as a second instance would have.
        const boss = new PgBoss({ connectionString: world.app.server.databaseUrl, max: 2, schedule: false });
        await boss.start();
        const started = await startCaseJobs(
          { ...world.sweepDeps(), clock: world.clock },
          { boss, followUpIntervalMs: 200, log: () => {} },
        );
        jobs = {
          async stop() {
            await started.stop();
            await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
          },
        };
        const mail = await world.mailbox.waitForMail(world.responder.email, 15_000);
        assert.equal(
          mail.text.trim(),
          `Een taak in dossier ${caseReference(caseId)} is verlopen — log in om te kijken: https://opendeur.example/beheer/dossiers/${caseId}`,
        );
        assert.ok(!mail.text.includes('vlindertuinmuur') && !mail.subject.includes('vlindertuinmuur'));
        // Several more sweeps run; the reminder is not sent again.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await jobs.stop();
        jobs = undefined;
        assert.equal(
          world.mailbox.messages.filter(
            (message) => message.to.includes(world.responder.email) && message.subject.startsWith('Taak verlopen'),
          ).length,
          1,
        );

        const reminded = await world.responder.client.get(`/api/v1/cases/${caseId}/tasks`);
        assert.equal(reminded.body.tasks[0].remindedAt, world.clock().toISOString());
        const events = await world.owner<{ details: Record<string, unknown>; actor_user_id: string | null }>(
          `SELECT details, actor_user_id FROM case_events WHERE case_id = $1 AND kind = 'task' ORDER BY created_at, id`,
          [caseId],
        );
        assert.deepEqual(
          events.map((event) => event.details.action),
          ['created', 'reminded'],
        );
        assert.equal(events[1]!.actor_user_id, null);
      });

      it('marks the task done: no longer overdue, on the timeline and audited', async () => {
        const done = await world.responder.client.post(`/api/v1/cases/${caseId}/tasks/${taskId}/done`);
        assert.equal(done.status, 200, done.text);
        assert.equal(done.body.doneAt, world.clock().toISOString());
        assert.equal(done.body.overdue, false);
        const again = await world.responder.client.post(`/api/v1/cases/${caseId}/tasks/${taskId}/done`);
        assert.equal(again.status, 200);
        const unknown = await world.responder.client.post(
          `/api/v1/cases/${caseId}/tasks/00000000-0000-4000-8000-000000000000/done`,
        );
        assert.equal(unknown.status, 404);
        assert.equal(unknown.body.error.id, 'case_task.not_found');
        assert.deepEqual(await world.auditActions(caseId), [
          'case.task_created',
          'case.tasks_read',
          'case.tasks_read',
          'case.task_done',
        ]);
      });
    });

    describe('untouched cases', () => {
      it('flags a case untouched for 7 days to the coordinators once, and activity clears the flag', async () => {
        const stale = await world.insertCase({ at: new Date(world.clock().getTime() - 8 * DAY) });
        const recent = await world.insertCase({ at: new Date(world.clock().getTime() - 2 * DAY) });
        const closed = await world.insertCase({
          at: new Date(world.clock().getTime() - 30 * DAY),
          status: 'closed',
          closedAt: new Date(world.clock().getTime() - 29 * DAY),
          destroyAfter: new Date(world.clock().getTime() + 300 * DAY),
        });
        const first = await runStaleFlags(world.sweepDeps(), world.clock());
        assert.equal(first.flagged, 1);
        const mail = await world.mailbox.waitForMail(world.coordinator.email);
        assert.match(
          mail.text,
          new RegExp(`al 7 dagen of langer niet aangeraakt: ${caseReference(stale)} — log in om te kijken`),
        );
        const flags = await world.owner<{ id: string; stale_flagged_at: Date | null }>(
          'SELECT id, stale_flagged_at FROM cases WHERE id = ANY($1)',
          [[stale, recent, closed]],
        );
        assert.deepEqual(
          flags.filter((row) => row.stale_flagged_at).map((row) => row.id),
          [stale],
        );
        assert.equal((await runStaleFlags(world.sweepDeps(), world.clock())).flagged, 0, 'flagged once');

        const touched = await world.responder.client.post(`/api/v1/cases/${stale}/tasks`, {
          title: 'Nabellen',
          dueAt: new Date(world.clock().getTime() + DAY).toISOString(),
        });
        assert.equal(touched.status, 200, touched.text);
        const cleared = await world.owner<{ stale_flagged_at: Date | null }>(
          'SELECT stale_flagged_at FROM cases WHERE id = $1',
          [stale],
        );
        assert.equal(cleared[0]!.stale_flagged_at, null, 'activity clears the flag');
        assert.equal((await runStaleFlags(world.sweepDeps(), world.clock())).flagged, 0, 'just touched: not untouched');
        assert.equal(
          world.mailbox.messages.filter(
            (message) => message.to.includes(world.coordinator.email) && /niet aangeraakt/.test(message.subject),
          ).length,
          1,
        );
      });
    });
  });
}
