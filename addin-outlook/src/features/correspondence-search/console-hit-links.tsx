import { consoleRecordPath } from '@inbox-crm/shared/client';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';
import type { HitLinks } from './activity-hit.js';

/** In the console, a hit's email opens in the reader and its records on their pages. */
export const CONSOLE_HIT_LINKS: HitLinks = {
  email: (id, title) => <ConsoleLink to={CONSOLE_PATHS.email(id)}>{title}</ConsoleLink>,
  record: (record) => (
    <ConsoleLink to={consoleRecordPath(record)}>{record.name || 'Unnamed record'}</ConsoleLink>
  ),
};
