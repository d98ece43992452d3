import { AppError, isAppError } from '../../domain';

/** The HTTP status and service error code of a failed Azure Storage call, when it has them. */
export function storageStatus(error: unknown): { status: number | undefined; code: string | undefined } {
  if (typeof error !== 'object' || error === null) return { status: undefined, code: undefined };
  const status = Reflect.get(error, 'statusCode');
  const code = Reflect.get(error, 'code');
  const details = Reflect.get(error, 'details');
  const detailCode = typeof details === 'object' && details !== null ? Reflect.get(details, 'errorCode') : undefined;
  return {
    status: typeof status === 'number' ? status : undefined,
    code: typeof detailCode === 'string' ? detailCode : typeof code === 'string' ? code : undefined,
  };
}

/** An Azure Storage failure that is not one the store explains itself (conflict, taken id): unavailable. */
export function unavailable(error: unknown, what: string): AppError {
  if (isAppError(error)) return error;
  const { status, code } = storageStatus(error);
  return new AppError(
    'store.unavailable',
    `Azure Storage could not ${what} (${status ?? 'no answer'} ${code ?? ''}).`,
    {
      status,
      code,
    },
  );
}
