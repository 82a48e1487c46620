/**
 * The Content Security Policy of every page the app shows (desktop and browser mode). React Flow
 * positions nodes with inline style attributes, hence 'unsafe-inline' for styles only; scripts
 * only from the app itself; no remote content of any kind.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
