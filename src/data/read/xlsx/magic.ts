/* The first bytes of the files the workbook reader takes: checked before its chunk (and fflate) is fetched. */

/** Whether bytes start like a zip archive (a local file header, or the end record of an empty archive). */
export const isZip = (b: Uint8Array): boolean =>
  b.length >= 4 &&
  b[0] === 0x50 &&
  b[1] === 0x4b &&
  (b[2] === 3 || b[2] === 5) &&
  (b[3] === 4 || b[3] === 6);

/** Whether bytes start like an OLE compound file: an old .xls workbook, or an encrypted .xlsx. */
export const isCompoundFile = (b: Uint8Array): boolean =>
  b.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((v, i) => b[i] === v);
