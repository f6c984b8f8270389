// SQL for what makes two accounts look like one company entered twice. Each expression is also an
// index (migrations/src/20261203000300_merged_records.ts); the texts must stay the same for the
// planner to use it.

/** The name without its legal form or punctuation: "Acme, Inc." and "ACME Ltd" are both "acme". */
export const ACCOUNT_BASE_NAME_SQL = `regexp_replace(regexp_replace(lower(name), '([[:space:][:punct:]]+(inc|incorporated|ltd|limited|llc|llp|gmbh|ag|sa|sarl|sas|bv|nv|plc|corp|corporation|co|company|pty))+[[:punct:]]*$', ''), '[^[:alnum:]]+', '', 'g')`;

/** The host a website is on, without its scheme or "www.": "https://www.acme.com/about" is "acme.com". */
export const WEBSITE_HOST_SQL = `regexp_replace(lower(website), '^([a-z][a-z0-9+.-]*://)*(www[.])*([^/:#]*).*$', '\\3')`;
