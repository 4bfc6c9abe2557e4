// How the reference player is served, whether by `quizkit preview` or by examples/player.

/**
 * The Content-Security-Policy the player is written for: scripts, styles and
 * requests from its own origin only, no inline script or style, no `eval`,
 * DOM writes only through safe sinks (Trusted Types), the favicon as a
 * `data:` URL.
 */
export const PLAYER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

/** Headers sent with every response of the player: its CSP, no sniffing, no referrer, no caching. */
export const PLAYER_HEADERS = {
  'content-security-policy': PLAYER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

/** Escapes text for HTML text or a quoted attribute value. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The player's `index.html` with its settings as `data-*` attributes on `<body>`. */
export function configuredIndex(html: string, config: Readonly<Record<string, string>>): string {
  const attributes = Object.entries(config)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  return html.replace('<body>', `<body${attributes}>`);
}
