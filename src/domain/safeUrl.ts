/**
 * The URL as a link target when it is http(s) without a user name or password (a link that logs in somewhere,
 * or hides its real host behind "user@", as `?data=` refuses); undefined otherwise (shown as text instead).
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const u = new URL(trimmed);
    if (u.username || u.password) return undefined;
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
