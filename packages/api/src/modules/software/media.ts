import type { DownloadChoice, DownloadOptions } from '@csp/domain';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'x';

function extensionOf(fileType: string): string {
  const match = /^(ISO|VHDX|CAB|MSU|ZIP|EXE)\b/i.exec(fileType.trim());
  return match ? match[1]!.toLowerCase() : 'bin';
}

/** Where a file lives in the media folder: only slugs, so no path can leave the folder. */
export function mediaPath(mediaDir: string, productId: string, choice: DownloadChoice): string {
  return path.join(
    mediaDir,
    slug(productId),
    slug(choice.version),
    slug(choice.language),
    `${slug(choice.fileType)}.${extensionOf(choice.fileType)}`,
  );
}

/** The file name the browser saves: product, version, language and file type (D2). */
export function downloadFileName(productName: string, choice: DownloadChoice): string {
  const part = (text: string) => text.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-|-$/g, '');
  return `${part(productName)}_${part(choice.version)}_${part(choice.language)}_${part(choice.fileType)}.${extensionOf(choice.fileType)}`;
}

/**
 * Writes a small sample file for every download option of the catalog, so demo links download
 * real bytes. Existing files are left alone (a real media folder is never overwritten).
 */
export function ensureSampleMedia(
  mediaDir: string,
  products: { id: string; name: string; downloadOptions: DownloadOptions }[],
): number {
  let written = 0;
  for (const product of products) {
    const { versions, languages, fileTypes } = product.downloadOptions;
    for (const version of versions)
      for (const language of languages)
        for (const fileType of fileTypes) {
          const file = mediaPath(mediaDir, product.id, { version, language, fileType });
          if (existsSync(file)) continue;
          mkdirSync(path.dirname(file), { recursive: true });
          const header = `CSP Software Portal sample media\n${product.name}\n${version} · ${language} · ${fileType}\n`;
          const body = createHash('sha256').update(file).digest('hex').repeat(512); // ~32 KB
          writeFileSync(file, header + body + '\n');
          written++;
        }
  }
  return written;
}
