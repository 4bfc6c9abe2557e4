// One policy for the reference player, whether `quizkit preview` or examples/player serves it.

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
