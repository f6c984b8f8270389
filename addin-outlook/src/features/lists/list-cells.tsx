import { Badge, Link } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';
import {
  ACTIVITY_TYPE_NAMES,
  CASE_STATUS_NAMES,
  consoleEmailPath,
  consoleRecordPath,
  PRIORITY_NAMES,
  type ListName,
  type ListViewRows,
  type NamedRecordRef,
  type RecordType,
} from '@inbox-crm/shared/client';
import { formatPhoneForReading } from '@inbox-crm/shared/phone-display';
import { AddressText } from '../../ui/address-text.js';
import { formatDate, formatDay, formatMoment, formatMoney } from '../../ui/format.js';
import { ConsoleLink } from '../console/console-link.js';

type Cells<Row> = Record<string, (row: Row) => ReactNode>;

const recordLink = (type: RecordType, ref: { id: string; name: string } | null) =>
  ref && <ConsoleLink to={consoleRecordPath({ type, id: ref.id })}>{ref.name || '(no name)'}</ConsoleLink>;

const phoneLink = (phone: string | null) =>
  phone && <Link href={`tel:${phone}`}>{formatPhoneForReading(phone)}</Link>;

/** The records a row concerns, each a link: "Acme · Jane Doe". */
const recordLinks = (records: NamedRecordRef[]) =>
  records.length > 0 &&
  records.map((record, index) => (
    <Fragment key={`${record.type}:${record.id}`}>
      {index > 0 && ' · '}
      {recordLink(record.type, record)}
    </Fragment>
  ));

/** How each column of each list shows a row (the columns themselves are shared with the export). */
export const LIST_CELLS: { [L in ListName]: Cells<ListViewRows[L]> } = {
  accounts: {
    name: (row) => recordLink('account', row),
    domains: (row) => row.domains.join(', ') || null,
    industry: (row) => row.industry,
    phone: (row) => phoneLink(row.phone),
    owner: (row) => row.owner?.name,
    updatedAt: (row) => formatDay(row.updatedAt),
  },
  contacts: {
    name: (row) => recordLink('contact', row),
    title: (row) => row.title,
    email: (row) =>
      row.email && (
        <Link href={`mailto:${row.email}`}>
          <AddressText address={row.email} />
        </Link>
      ),
    phone: (row) => phoneLink(row.phone),
    account: (row) => recordLink('account', row.account),
    owner: (row) => row.owner?.name,
    updatedAt: (row) => formatDay(row.updatedAt),
  },
  opportunities: {
    name: (row) => recordLink('opportunity', row),
    account: (row) => recordLink('account', row.account),
    stage: (row) => row.stage.name,
    amount: (row) => formatMoney(row.amountMinor, row.currency),
    currency: (row) => row.currency,
    closeDate: (row) => row.closeDate && formatDate(row.closeDate),
    probability: (row) => `${row.probability}%`,
    owner: (row) => row.owner?.name,
  },
  cases: {
    subject: (row) => recordLink('case', { id: row.id, name: row.subject }),
    account: (row) => recordLink('account', row.account),
    contact: (row) => recordLink('contact', row.contact),
    status: (row) => CASE_STATUS_NAMES[row.status],
    priority: (row) => PRIORITY_NAMES[row.priority],
    owner: (row) => row.owner?.name,
    createdAt: (row) => formatDay(row.createdAt),
  },
  tasks: {
    title: (row) => row.title,
    records: (row) => recordLinks(row.records),
    dueAt: (row) =>
      row.dueAt &&
      (row.overdue ? (
        <Badge appearance="tint" color="danger">
          Overdue · {formatMoment(row.dueAt)}
        </Badge>
      ) : (
        formatMoment(row.dueAt)
      )),
    priority: (row) => PRIORITY_NAMES[row.priority],
    assignee: (row) => row.assignee?.name,
    done: (row) => (row.done ? 'Done' : 'Open'),
  },
  activities: {
    subject: (row) => {
      const subject = row.subject || '(no subject)';
      const text =
        row.type === 'email' ? <ConsoleLink to={consoleEmailPath(row.id)}>{subject}</ConsoleLink> : subject;
      return row.private ? (
        <>
          {text}{' '}
          <Badge appearance="outline" size="small">
            Private
          </Badge>
        </>
      ) : (
        text
      );
    },
    type: (row) => ACTIVITY_TYPE_NAMES[row.type],
    records: (row) => recordLinks(row.records),
    owner: (row) => row.owner?.name,
    at: (row) => formatMoment(row.at),
  },
};
