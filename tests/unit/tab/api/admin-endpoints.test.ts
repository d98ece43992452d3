import { compileReport, importRegister, listReports, publishReport, type ApiClient } from '../../../../tab/src/api';
import { ApiError } from '../../../../tab/src/api/errors';

/** A client that answers every call with `body`, as if the server had sent it. */
function answering(body: unknown): ApiClient {
  const answer = async () => body;
  return { get: answer, send: answer, upload: answer, download: async () => new Blob([]) } as ApiClient;
}

const counts = { added: 1, changed: 0, unchanged: 0, removed: 0 };
const zero = { added: 0, changed: 0, unchanged: 0, removed: 0 };
const report = {
  format: 'csv',
  dryRun: true,
  applied: false,
  rows: [{ sheet: 'people', row: 3, key: 'anna@example.com', outcome: 'added', fields: [] }],
  errors: [
    {
      sheet: 'people',
      row: 4,
      column: 'A',
      field: 'email',
      code: 'bad-email',
      value: 'bad@@example',
      message: 'Not an e-mail address',
    },
  ],
  counts: { topics: zero, assignments: zero, people: counts },
};

const file = () => new File(['email,name\n'], 'register.csv', { type: 'text/csv' });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof ApiError ? error.code : `no ApiError: ${String(error)}`;
}

describe('the tab reads the import report and report versions with the domain schemas', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => jest.restoreAllMocks());

  it('takes an import report of the right shape', async () => {
    await expect(importRegister(answering(report), file(), true, 'en')).resolves.toEqual(report);
  });

  it('refuses an import report of another shape (a row number as text, an unknown problem)', async () => {
    const wrongRow = { ...report, rows: [{ ...report.rows[0], row: '3' }] };
    const unknownCode = { ...report, errors: [{ ...report.errors[0], code: 'mystery' }] };
    expect(await refusal(importRegister(answering(wrongRow), file(), true, 'en'))).toBe('response.invalid');
    expect(await refusal(importRegister(answering(unknownCode), file(), true, 'en'))).toBe('response.invalid');
    expect(await refusal(importRegister(answering({ ok: true }), file(), false, 'en'))).toBe('response.invalid');
  });

  it('refuses report versions that are not report versions', async () => {
    const version = { id: 'annual-2026.v1', version: 1, status: 'draft', report: { from: '2026-01-01' } };
    expect(await refusal(listReports(answering({ items: [version] })))).toBe('response.invalid');
    expect(await refusal(compileReport(answering(version), { from: '2026-01-01', to: '2026-12-31' }, 'en'))).toBe(
      'response.invalid',
    );
    expect(await refusal(publishReport(answering({}), 'annual-2026.v1'))).toBe('response.invalid');
  });
});
