import { AppError } from '../../../teams-app/domain';
import { GraphError, isGraphError } from '../../../teams-app/graph';
import { errorMessage } from '../../../teams-app/i18n';
import { graphError, scriptedGraph } from './scripted-graph';

async function failureOf(reply: ReturnType<typeof graphError>): Promise<GraphError> {
  const { graph, script } = scriptedGraph({ maxAttempts: 1 });
  script.reply(reply);
  const error = await graph.put('/sites/s1/drive/root:/a.docx:/content', Buffer.from('x')).catch((e: unknown) => e);
  if (!(error instanceof GraphError)) throw new Error('expected a GraphError');
  return error;
}

describe('GraphError', () => {
  it.each([
    [412, 'preconditionFailed', 'store.conflict'],
    [409, 'nameAlreadyExists', 'store.already-exists'],
    [409, 'resourceModified', 'store.conflict'],
    [404, 'itemNotFound', 'graph.not-found'],
    [403, 'accessDenied', 'graph.access-denied'],
    [401, 'InvalidAuthenticationToken', 'graph.access-denied'],
    [429, 'TooManyRequests', 'graph.busy'],
    [503, 'serviceNotAvailable', 'graph.busy'],
    [504, 'gatewayTimeout', 'graph.busy'],
    [400, 'invalidRequest', 'graph.failed'],
    [500, 'generalException', 'graph.failed'],
  ])('maps %i %s to the app error %s', async (status, code, appCode) => {
    const error = await failureOf(graphError(status, code));

    expect(error).toMatchObject({ status, code, appCode });
    expect(error.toAppError()).toBeInstanceOf(AppError);
    expect(error.toAppError().code).toBe(appCode);
  });

  it("keeps Graph's message and request id, and names the request without its query", async () => {
    const { graph, script } = scriptedGraph();
    script.reply(graphError(404, 'itemNotFound'));

    const error = await graph
      .get("/sites/s1/lists/people/items?$filter=fields/email eq 'a@b.org'")
      .catch((e: unknown) => e);
    if (!(error instanceof GraphError)) throw new Error('expected a GraphError');

    expect(isGraphError(error, 404)).toBe(true);
    expect(error.message).toBe('Graph says itemNotFound.');
    expect(error).toMatchObject({ requestId: 'req-404-itemNotFound', request: 'GET /sites/s1/lists/people/items' });
  });

  it('reads the request id from the error body when the header is missing', async () => {
    const error = await failureOf({
      status: 409,
      body: { error: { code: 'nameAlreadyExists', message: 'exists', innerError: { 'request-id': 'inner-1' } } },
    });

    expect(error.requestId).toBe('inner-1');
  });

  it('names a failure without an error body by its status', async () => {
    const error = await failureOf({ status: 502 });

    expect(error).toMatchObject({ status: 502, code: 'http502', appCode: 'graph.failed' });
  });

  it('gives the user a message in their language, with the Graph request id kept in the details', async () => {
    const error = await failureOf(graphError(503, 'serviceNotAvailable', { 'retry-after': '1' }));
    const appError = error.toAppError();

    expect(appError.status).toBe(503);
    expect(appError.details).toEqual({
      graphStatus: 503,
      graphCode: 'serviceNotAvailable',
      graphRequestId: 'req-503-serviceNotAvailable',
    });
    expect(errorMessage(appError, 'fr')).toContain('Microsoft 365');
  });

  it('never puts the access token in an error', async () => {
    const error = await failureOf(graphError(401, 'InvalidAuthenticationToken'));

    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('test-token');
  });
});
