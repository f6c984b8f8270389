import { LoggedMeeting, MeetingLog, MeetingQuery, MeetingStatus } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { logMeeting, meetingFor } from './service.js';

/** Meetings logged from a calendar (Outlook appointments, Google Calendar events), once per occurrence. */
export async function meetingRoutes(app: App): Promise<void> {
  const tags = ['activities'];
  app.post(
    '/meetings',
    {
      schema: {
        tags,
        security: bearer,
        description:
          'Logs a meeting occurrence, linked to its attendees’ contacts and their accounts; 201 the first time, 200 with the meeting already logged (and any new links) after that.',
        body: MeetingLog,
        response: { 200: LoggedMeeting, 201: LoggedMeeting, ...errorReplies },
      },
    },
    async (request, reply) => {
      const logged = await logMeeting(app.db, request.actor, request.body);
      return reply.status(logged.created ? 201 : 200).send(logged);
    },
  );
  app.get(
    '/meetings',
    {
      schema: {
        tags,
        security: bearer,
        description: 'Whether a meeting occurrence is logged, and the meeting if the caller may see it.',
        querystring: MeetingQuery,
        response: { 200: MeetingStatus, ...errorReplies },
      },
    },
    async (request) => ({ activity: await meetingFor(app.db, request.actor, request.query.occurrenceKey) }),
  );
}
