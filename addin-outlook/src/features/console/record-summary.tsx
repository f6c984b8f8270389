import { Fragment, type ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import {
  consoleRecordPath,
  PHONE_LABEL_NAMES,
  websiteHref,
  type RecordOfType,
  type RecordRef,
  type RecordType,
} from '@inbox-crm/shared/client';
import { formatPhoneForReading } from '@inbox-crm/shared/phone-display';
import { AddressText } from '../../ui/address-text.js';
import { FactList, type Fact } from '../../ui/fact-list.js';
import { formatMoment, formatMoney } from '../../ui/format.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { ConsoleLink } from './console-link.js';

/** A team's name, read when shown (one request for the organisation's few teams). */
function TeamName({ id }: { id: string }) {
  const { api } = useServices();
  const teams = useRequest('teams', () => api.teams());
  return (
    <>{teams.state.status === 'done' ? (teams.state.data.find((team) => team.id === id)?.name ?? '') : '…'}</>
  );
}

/** The name of a related record, linked to its page; its name is read when shown. */
export function RelatedRecord({ record }: { record: RecordRef }) {
  const { api } = useServices();
  const related = useRequest(`${record.type}:${record.id}`, () => api.getRecord(record.type, record.id));
  const name =
    related.state.status !== 'done'
      ? '…'
      : 'name' in related.state.data
        ? related.state.data.name
        : related.state.data.subject;
  return <ConsoleLink to={consoleRecordPath(record)}>{name}</ConsoleLink>;
}

const related = (type: RecordType, id: string | null): ReactNode =>
  id ? <RelatedRecord record={{ type, id }} /> : null;

/** Values that each open something (mail, a call), comma-separated; nothing when there are none. */
function links(items: readonly { text: ReactNode; href: string }[]): ReactNode {
  if (items.length === 0) return null;
  return items.map((item, index) => (
    <Fragment key={item.href}>
      {index > 0 && ', '}
      <Link href={item.href}>{item.text}</Link>
    </Fragment>
  ));
}

/** The address as a web link when it is one (http or https, with a host); as text otherwise. */
function webLink(address: string): string | null {
  const href = websiteHref(address.trim());
  try {
    const url = new URL(href);
    const web = url.protocol === 'https:' || url.protocol === 'http:';
    return web && url.hostname.includes('.') ? href : null;
  } catch {
    return null;
  }
}

const website = (address: string | null): ReactNode => {
  if (!address) return null;
  const href = webLink(address);
  return href ? (
    <Link href={href} target="_blank" rel="noopener noreferrer">
      {address}
    </Link>
  ) : (
    address
  );
};

/** The fields not changed in place (stage, status, priority and owner are; see InlineFields). */
function factsOf<T extends RecordType>(type: T, record: RecordOfType[T]): Fact[] {
  switch (type) {
    case 'account': {
      const account = record as RecordOfType['account'];
      return [
        ['Domains', account.domains.join(', ')],
        ['Website', website(account.website)],
        ['Industry', account.industry],
        [
          'Phone',
          account.phone &&
            links([{ text: formatPhoneForReading(account.phone), href: `tel:${account.phone}` }]),
        ],
      ];
    }
    case 'contact': {
      const contact = record as RecordOfType['contact'];
      return [
        ['Title', contact.title],
        ['Account', related('account', contact.accountId)],
        [
          'Email',
          links(
            contact.emails.map((email) => ({
              text: <AddressText address={email} />,
              href: `mailto:${email}`,
            })),
          ),
        ],
        [
          'Phone',
          links(
            contact.phones.map((phone) => ({
              text: `${formatPhoneForReading(phone.number)} (${PHONE_LABEL_NAMES[phone.label]})`,
              href: `tel:${phone.number}`,
            })),
          ),
        ],
      ];
    }
    case 'opportunity': {
      const opportunity = record as RecordOfType['opportunity'];
      return [
        ['Amount', formatMoney(opportunity.amountMinor, opportunity.currency)],
        ['Probability', `${opportunity.probability}%`],
        ['Account', related('account', opportunity.accountId)],
        ['Contact', related('contact', opportunity.contactId)],
      ];
    }
    default: {
      const item = record as RecordOfType['case'];
      return [
        ['Number', `#${item.number}`],
        ['Queue', item.teamId && <TeamName id={item.teamId} />],
        ['Category', item.category],
        ['Account', related('account', item.accountId)],
        ['Contact', related('contact', item.contactId)],
        ['First answered', item.firstResponseAt && formatMoment(item.firstResponseAt)],
        ['Description', item.description],
      ];
    }
  }
}

/** A record's own fields, the empty ones left out. */
export function RecordSummary<T extends RecordType>({ type, record }: { type: T; record: RecordOfType[T] }) {
  return <FactList facts={factsOf(type, record)} />;
}
