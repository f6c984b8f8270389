import sanitizeHtml from 'sanitize-html';

// Mail HTML leans on inline styles; these are the properties that lay out a message and cannot
// reach outside it (no position, no url(), no behaviour).
const SAFE_STYLE = /^[#(),.%\w\s-]*$/;
const styleProperties = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'text-align',
  'text-decoration',
  'line-height',
  'margin',
  'margin-top',
  'margin-bottom',
  'margin-left',
  'margin-right',
  'padding',
  'padding-top',
  'padding-bottom',
  'padding-left',
  'padding-right',
  'border',
  'border-collapse',
  'width',
  'max-width',
  'height',
  'vertical-align',
  'white-space',
];

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    'img',
    'font',
    'center',
    'span',
    'div',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'td',
    'th',
    'col',
    'colgroup',
  ],
  disallowedTagsMode: 'discard',
  allowedAttributes: {
    '*': ['style', 'align', 'valign', 'width', 'height', 'dir', 'title'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    font: ['color', 'face', 'size'],
    td: ['colspan', 'rowspan', 'bgcolor'],
    th: ['colspan', 'rowspan', 'bgcolor'],
    table: ['border', 'cellpadding', 'cellspacing', 'bgcolor'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'data', 'cid'] },
  allowProtocolRelative: false,
  allowedStyles: { '*': Object.fromEntries(styleProperties.map((property) => [property, [SAFE_STYLE]])) },
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
  },
};

/** Email HTML made safe to show in our pages: no scripts, handlers, forms, frames, styles sheets or javascript: links. */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, options);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The text of an HTML body, for a snippet when a message came without a plain-text part. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<(br|\/p|\/div|\/tr|\/li)\b[^>]*>/gi, '\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
