/**
 * The public register page (PUBLIC_REGISTER=on): GET /register, a read-only HTML page of the topics and their focal
 * points (names and sectors, never e-mail addresses) in the six languages (`?lang=`, else Accept-Language), like
 * the page ITU publishes. No sign-in; cacheable (ETag from the register's version and the language); no script,
 * one inline style allowed by its hash in the page's own Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { LOCALES, Locale, localized, resolutionReference, type TopicView } from '../domain';
import { directionOf, pickLocale, t } from '../i18n';
import type { RegisterService } from '../services';
import { setSecurityHeaders } from './security-headers';

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;line-height:1.4}' +
  'table{border-collapse:collapse;width:100%}th,td{border:1px solid #8a8a8a;padding:.4rem .6rem;text-align:start;vertical-align:top}' +
  'th{background:#d9e2f3}nav a{margin-inline-end:.8rem}ul{margin:0;padding-inline-start:1.1rem}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** The page's own policy: nothing but its inline style; never framed, no forms, no base changes. */
const PAGE_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** How long browsers and proxies may keep the page before asking again (it then answers 304 when unchanged). */
const MAX_AGE_SECONDS = 300;

function focalPoints(topic: TopicView, locale: Locale): string {
  const items = topic.assignments.map((a) => {
    const who = a.focalPoint ? escapeHtml(a.focalPoint.name) : `<em>${escapeHtml(t('public.vacant', locale))}</em>`;
    const alternate = a.alternate ? ` (${escapeHtml(t('public.alternate', locale, { name: a.alternate.name }))})` : '';
    return `<li><strong>${escapeHtml(a.sector)}</strong>: ${who}${alternate}</li>`;
  });
  return items.length ? `<ul>${items.join('')}</ul>` : '';
}

function resolutions(topic: TopicView, locale: Locale): string {
  return topic.resolutions.map((r) => escapeHtml(resolutionReference(r, locale))).join('<br>');
}

/** The page in a language. */
export function publicRegisterHtml(topics: readonly TopicView[], locale: Locale): string {
  const rows = topics
    .filter((topic) => topic.status !== 'closed')
    .map(
      (topic) =>
        `<tr><td>${escapeHtml(localized(topic.title, locale))}</td><td>${escapeHtml(topic.leadSector ?? '')}</td>` +
        `<td>${resolutions(topic, locale)}</td><td>${focalPoints(topic, locale)}</td></tr>`,
    )
    .join('\n');
  const languages = LOCALES.map((code) =>
    code === locale
      ? `<strong lang="${code}">${code}</strong>`
      : `<a href="?lang=${code}" lang="${code}" hreflang="${code}">${code}</a>`,
  ).join(' ');
  const title = escapeHtml(t('public.title', locale));
  return `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head>
<body><main>
<nav aria-label="${escapeHtml(t('public.languages', locale))}">${languages}</nav>
<h1>${title}</h1>
<p>${escapeHtml(t('public.intro', locale))}</p>
<table>
<thead><tr><th scope="col">${escapeHtml(t('records.col.topic', locale))}</th><th scope="col">${escapeHtml(t('records.col.leadSector', locale))}</th><th scope="col">${escapeHtml(t('records.col.resolutions', locale))}</th><th scope="col">${escapeHtml(t('public.focalPoints', locale))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main></body>
</html>
`;
}

function localeOf(req: IncomingMessage, url: URL): Locale {
  const asked = Locale.safeParse(url.searchParams.get('lang'));
  return asked.success ? asked.data : pickLocale(req.headers['accept-language']);
}

/**
 * Serves GET/HEAD /register before the app (which answers everything else); the page is built from the register
 * view the API uses, read once per store version.
 */
export function withPublicRegister(app: RequestListener, register: RegisterService): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^\/register\/?$/.test(url.pathname)) {
      app(req, res);
      return;
    }
    void servePage(req, res, url, register);
  };
}

async function servePage(req: IncomingMessage, res: ServerResponse, url: URL, register: RegisterService) {
  setSecurityHeaders(res);
  res.setHeader('content-security-policy', PAGE_POLICY);
  res.setHeader('vary', 'Accept-Language');
  try {
    const locale = localeOf(req, url);
    const snapshot = await register.snapshot();
    const etag = `"${createHash('sha256').update(`${snapshot.version}|${locale}|${STYLE_HASH}`).digest('base64url').slice(0, 27)}"`;
    res.setHeader('etag', etag);
    res.setHeader('cache-control', `public, max-age=${MAX_AGE_SECONDS}`);
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const html = publicRegisterHtml(snapshot.topics, locale);
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-language', locale);
    res.end(req.method === 'HEAD' ? undefined : html);
  } catch {
    res.statusCode = 503;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end('The register is unavailable right now. Please try again in a moment.');
  }
}
