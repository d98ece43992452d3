import { GraphError } from '../../../teams-app/graph';
import { errorReply, toAppError } from '../../../teams-app/server/http-errors';
import { createLogger } from '../../../teams-app/server/logger';

const silent = createLogger('silent');

describe('Graph failures at the HTTP boundary', () => {
  it('shows a Graph failure that reached the API as its app error, in the reader’s language', () => {
    const busy = new GraphError({
      status: 429,
      code: 'TooManyRequests',
      message: 'Too many requests',
      requestId: 'r-1',
    });

    const reply = errorReply(busy, { acceptLanguage: 'fr', requestId: 'req-1' }, silent);

    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe('graph.busy');
    expect(reply.body.error.message).toContain('Microsoft 365');
  });

  it('turns a 412 from SharePoint into the conflict a user can act on', () => {
    const conflict = toAppError(new GraphError({ status: 412, code: 'preconditionFailed', message: 'eTag mismatch' }));

    expect(conflict).toMatchObject({ code: 'store.conflict', status: 409 });
  });
});
