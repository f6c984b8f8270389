// The words the demo company is made of. Company names are fictional; domains use the reserved
// .example top-level domain, so no demo address can ever reach a real mailbox.

export const COMPANY_PREFIXES = [
  'Blue Harbor',
  'Northwind',
  'Silver Peak',
  'Red Rock',
  'Green Valley',
  'Bright Path',
  'Iron Bridge',
  'Clear Water',
  'Summit',
  'Oak Leaf',
];
export const COMPANY_TRADES = [
  { word: 'Logistics', industry: 'Transport & logistics' },
  { word: 'Analytics', industry: 'Software' },
  { word: 'Health', industry: 'Healthcare' },
  { word: 'Foods', industry: 'Food & beverage' },
  { word: 'Engineering', industry: 'Manufacturing' },
];

export const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Amelia',
  'Oliver',
  'Sofia',
  'Lucas',
  'Chloé',
  'Mateo',
  'Ingrid',
  'Hiroshi',
  'Priya',
  'Kwame',
  'Zoë',
  'Felix',
  'Ana',
  'Jonas',
  'Fatima',
  'Diego',
  'Hannah',
  'Ravi',
  'Léa',
  'Tomás',
  'Grace',
  'Yusuf',
  'Elena',
  'Marcus',
  'Aisha',
  'Björn',
];
export const LAST_NAMES = [
  'Smith',
  'García',
  'Müller',
  'Rossi',
  'Kowalski',
  'Nguyen',
  'Okafor',
  'Johansson',
  'Dubois',
  'Tanaka',
  'Patel',
  'Silva',
  'Novak',
  "O'Brien",
  'Andersen',
  'Costa',
  'Fischer',
  'Haddad',
  'Kim',
  'Larsen',
  'Moreau',
  'Ncube',
  'Petrov',
  'Quinn',
  'Reyes',
  'Schmidt',
  'Walker',
  'Yilmaz',
  'Zhang',
  'Brennan',
];
export const TITLES = [
  'CEO',
  'CFO',
  'Head of Procurement',
  'Operations Manager',
  'IT Director',
  'Purchasing Lead',
  'Office Manager',
  'VP Sales',
  'Finance Controller',
  'Project Manager',
];

export const PRODUCTS = [
  'Analytics Suite',
  'Fleet Tracker',
  'Support Plan Gold',
  'Onboarding Package',
  'Data Connector',
  'Annual Licence',
];

export const CASE_SUBJECTS = [
  'Cannot log in after password reset',
  'Invoice shows the wrong VAT rate',
  'Export to CSV times out',
  'Request to add five more seats',
  'Dashboard loads slowly in the morning',
  'Question about the data retention policy',
  'Integration stopped syncing overnight',
  'Wrong billing address on the last invoice',
];

export const CALL_OUTCOMES = ['Connected', 'Left voicemail', 'No answer', 'Call back requested'];

export const NOTES = [
  'Prefers calls before 10am; keep emails short.',
  'Budget approval expected after the board meeting next month.',
  'Mentioned they are also evaluating a competitor; price is the main concern.',
  'Very happy with support response times this quarter.',
  'New procurement process: all orders need a PO number from now on.',
  'Asked for a case study from a customer in their industry.',
];

export interface EmailTemplate {
  subject: string;
  paragraphs: string[];
}

/** Inbound: written by the customer. `{first}` is the customer, `{me}` our user, `{product}` a product. */
export const INBOUND_EMAILS: EmailTemplate[] = [
  {
    subject: 'Quote for {product}',
    paragraphs: [
      'Hi {me},',
      'Thanks for the call yesterday. Could you send us a quote for {product} for about 40 users? We would like to start in the new quarter.',
      'Also, is there a discount for a two-year commitment?',
      'Best regards,\n{first}',
    ],
  },
  {
    subject: 'Re: Onboarding schedule',
    paragraphs: [
      'Hello {me},',
      'The proposed dates work for us. Our IT team can join the first session on Tuesday at 10:00; the finance team would prefer Thursday afternoon.',
      'Could you share the agenda in advance?',
      'Thanks,\n{first}',
    ],
  },
  {
    subject: 'Question about invoice {number}',
    paragraphs: [
      'Hi,',
      'Invoice {number} lists 45 seats, but we only have 40 active users. Could you check and send a corrected invoice?',
      'Kind regards,\n{first}',
    ],
  },
  {
    subject: 'Re: Contract renewal',
    paragraphs: [
      'Dear {me},',
      'We have reviewed the renewal terms. Legal asked for one change to the liability clause (section 9.2); I have attached their mark-up.',
      'Once that is settled we are ready to sign.',
      'Best,\n{first}',
    ],
  },
];

/** Outbound: written by our user to the customer. */
export const OUTBOUND_EMAILS: EmailTemplate[] = [
  {
    subject: 'Proposal: {product}',
    paragraphs: [
      'Hi {first},',
      'As promised, please find our proposal for {product} attached. It includes the two-year option we discussed.',
      'Happy to walk you through it this week — would Wednesday suit you?',
      'Best regards,\n{me}',
    ],
  },
  {
    subject: 'Follow-up on our meeting',
    paragraphs: [
      'Hello {first},',
      'Thank you for your time today. To summarise: we will prepare a pilot for two departments and check the SSO integration with your IT team.',
      'I will get back to you by Friday with a timeline.',
      'Kind regards,\n{me}',
    ],
  },
];
