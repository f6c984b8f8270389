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

/** An attribute's value as an absolute URL, or null for a relative or unreadable one. */
function absoluteUrl(value: string): URL | null {
  return URL.canParse(value) ? new URL(value) : null;
}

// A remote image loads when the message is shown and tells its sender who opened it, and when
// (tracking pixels). It is stored inert under data-src, for a reader to turn on message by message.
// data: images are part of the message and cid: ones name its attachments, so both stay; anything
// else (http:, relative paths, scripts) is dropped, as is any data-src the message brought itself.
function imageSource(src: string): [name: string, value: string][] {
  const url = absoluteUrl(src);
  if (url?.protocol === 'https:') return [['data-src', url.href]];
  if (url?.protocol === 'data:' || url?.protocol === 'cid:') return [['src', src]];
  return [];
}

function inertRemoteImage(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept = Object.entries(attribs).flatMap(([name, value]): [string, string][] => {
    if (name === 'src') return imageSource(value);
    return name === 'data-src' ? [] : [[name, value]];
  });
  return { tagName, attribs: Object.fromEntries(kept) };
}

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
    img: ['src', 'data-src', 'alt', 'width', 'height'],
    font: ['color', 'face', 'size'],
    td: ['colspan', 'rowspan', 'bgcolor'],
    th: ['colspan', 'rowspan', 'bgcolor'],
    table: ['border', 'cellpadding', 'cellspacing', 'bgcolor'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data', 'cid'] },
  allowProtocolRelative: false,
  allowedStyles: { '*': Object.fromEntries(styleProperties.map((property) => [property, [SAFE_STYLE]])) },
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
    img: inertRemoteImage,
  },
};

/**
 * Email HTML made safe to show in our pages: no scripts, handlers, forms, frames, style sheets or
 * javascript: links, and remote images kept inert (`<img data-src="https://…">`, no src).
 */
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
