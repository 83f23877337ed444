import { LOCAL_PREFIX } from './sources';

/** Files the analyst opened in this tab (by picker or drop); a shared link can name them but not carry them. */
const files = new Map<string, File>();

export function registerLocalFile(file: File): string {
  files.set(file.name, file);
  return `${LOCAL_PREFIX}${file.name}`;
}

export function localFile(name: string): File | undefined {
  return files.get(name);
}
