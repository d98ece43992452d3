import { AppError } from '../../domain';
import type { MeetingDeps } from './meeting-deps';

/** The public link of a stored document (served by the API to signed-in members). */
export function documentUrl(deps: Pick<MeetingDeps, 'publicUrl'>, file: string): string {
  return `${deps.publicUrl}/api/v1/documents/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** A stored document file, for download; `document.not-found` when there is none. */
export async function documentFile(deps: Pick<MeetingDeps, 'files'>, path: string): Promise<Buffer> {
  const file = await deps.files.read(path);
  if (!file) throw new AppError('document.not-found', 'This document does not exist.');
  return file;
}
