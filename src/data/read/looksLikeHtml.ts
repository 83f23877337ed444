/**
 * Whether text begins like a web page (a doctype or an `<html>` tag after white space or a byte-order mark).
 * No dataset format Chronoscope reads starts that way.
 */
export function looksLikeHtml(head: string): boolean {
  return /^[\s\uFEFF]*<(!doctype\s+html|html[\s>])/i.test(head.slice(0, 1024));
}
