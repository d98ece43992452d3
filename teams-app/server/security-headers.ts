import type { RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';

/** The hosts allowed to frame the tab: Teams, Outlook and the Microsoft 365 app (web, desktop, mobile). */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.skype.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
] as const;

/**
 * The Content-Security-Policy of the tab and the pages: scripts only from this server; styles may be inline
 * because Fluent UI (Griffel) inserts its style rules at run time; framed only by the Microsoft 365 hosts.
 * teams-js may fetch its list of valid host origins from the Office CDN.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** Sets the security headers every response carries (CSP, no MIME sniffing, no referrer leaks). */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
}

/** The middleware that sets the security headers on every response. */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    setSecurityHeaders(res);
    next();
  };
}
