import { AppError, type DocumentVersion } from '../../domain';
import type { MeetingDeps } from './meeting-deps';

/** The public link of a stored document (served by the API to signed-in members). */
export function documentUrl(deps: Pick<MeetingDeps, 'publicUrl'>, file: string): string {
  return `${deps.publicUrl}/api/v1/documents/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** Where a published version's document opens: the library's webUrl when the file store gave one, else the API. */
export function versionDocumentUrl(
  deps: Pick<MeetingDeps, 'publicUrl'>,
  version: Pick<DocumentVersion, 'file' | 'fileUrl'> & { file: string },
): string {
  return version.fileUrl ?? documentUrl(deps, version.file);
}

/** The library links of stored files, for a version's record (none when the file store has no such links). */
export async function fileLinks(
  deps: Pick<MeetingDeps, 'files'>,
  file: string,
  addendumFile: string | null,
): Promise<Pick<DocumentVersion, 'fileUrl' | 'addendumFileUrl'>> {
  if (!deps.files.webUrl) return {};
  const fileUrl = await deps.files.webUrl(file);
  const addendumFileUrl = addendumFile ? await deps.files.webUrl(addendumFile) : null;
  return { ...(fileUrl ? { fileUrl } : {}), ...(addendumFileUrl ? { addendumFileUrl } : {}) };
}

/** A stored document file, for download; `document.not-found` when there is none. */
export async function documentFile(deps: Pick<MeetingDeps, 'files'>, path: string): Promise<Buffer> {
  const file = await deps.files.read(path);
  if (!file) throw new AppError('document.not-found', 'This document does not exist.');
  return file;
}
