/**
 * The token a private server dataset needs: asked once, kept in this tab's session storage (gone when the tab
 * closes), sent only as a bearer token to the server that served the page. Never written into a URL or a log.
 */
const KEY = 'chronoscope.server-token';

export function serverToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) || undefined;
  } catch {
    return undefined; // storage refused (privacy settings): the app asks again
  }
}

export function setServerToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage refused: the token lasts as long as this page
  }
  memory = token;
}

let memory: string | undefined;

/** The token to send: session storage's, or this page's when storage is refused. */
export function currentServerToken(): string | undefined {
  return serverToken() ?? memory;
}
