import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * /graphql over HTTP, answered by the first route after the security headers and the request log
 * (decision 026). Express's router walked every earlier route and mount for each request, and
 * body-parser ran its generic machinery (charset, inflation, type matching) for a body that is
 * almost always plain UTF-8 JSON with a Content-Length: about 0.25 ms of CPU per request on this
 * kind of machine, the largest part of what the portal spent beyond the hand-written baseline
 * (issue 13). The plain body is read here; anything else (GET, chunked, compressed, another
 * charset or type, an empty body) goes through `json`, body-parser, exactly as before.
 */
export interface GraphqlHttpOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  context: (args: { req: Request; res: Response }) => Promise<Context>;
  /** The largest body accepted, in bytes. */
  limitBytes: number;
  /** Runs before the body is read: compression of the answer, or its Vary. */
  compress: RequestHandler;
  /** body-parser's JSON middleware, for every body the plain path does not take. */
  json: RequestHandler;
  /** Answers a body that could not be read (too large, not JSON, wrong charset) as GraphQL errors. */
  bodyErrors: (error: unknown, req: Request, res: Response, next: NextFunction) => void;
}

const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
// Express matches paths without regard to case; so did the mount this replaces.
const GRAPHQL_PATH = /^\/graphql(\/|$)/i;

export function graphqlHttp<Context extends BaseContext>(
  options: GraphqlHttpOptions<Context>,
): RequestHandler {
  const { apollo, context, limitBytes, compress, json, bodyErrors } = options;

  async function answer(req: Request, res: Response): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = /\?[^#]*/.exec(req.url);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: query ? query[0] : '',
        body: req.body,
      },
      context: () => context({ req, res }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.send(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      (res as { flush?: () => void }).flush?.(); // through compression, each part as it comes
    }
    res.end();
  }

  return (req, res, next) => {
    if (!GRAPHQL_PATH.test(req.path)) {
      next();
      return;
    }
    const failed = (error: unknown) => next(error);
    compress(req, res, (error?: unknown) => {
      if (error) return failed(error);
      const length = plainBodyLength(req, limitBytes);
      if (length === null) {
        json(req, res, (jsonError?: unknown) => {
          if (jsonError) return bodyErrors(jsonError, req, res, failed);
          answer(req, res).catch(failed);
        });
        return;
      }
      readPlainJson(req, length)
        .then((body) => {
          if (body instanceof BodyError) return bodyErrors(body, req, res, failed);
          req.body = body;
          return answer(req, res);
        })
        .catch(failed); // to the app's last error handler, as Express did for the integration
    });
  };
}

/**
 * The Content-Length of a body the plain path can read: a POST of UTF-8 JSON, not compressed,
 * with a length within the limit. Null sends the request through body-parser.
 */
function plainBodyLength(req: Request, limitBytes: number): number | null {
  if (req.method !== 'POST') return null;
  const type = req.headers['content-type'];
  if (!type || !PLAIN_JSON.test(type)) return null;
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') return null;
  const length = Number(req.headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= limitBytes ? length : null;
}

/** A body the plain path refused, in body-parser's terms, so `bodyErrors` words it the same. */
class BodyError {
  constructor(
    readonly status: number,
    readonly type: string,
  ) {}
}

/** Reads and parses the body as body-parser's strict JSON parser does (an object or an array). */
async function readPlainJson(req: Request, length: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      received += chunk.length;
    }
  } catch {
    return new BodyError(400, 'request.aborted');
  }
  if (received !== length) return new BodyError(400, 'request.size.invalid');
  const text = Buffer.concat(chunks, received)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  // JSON's white space (space, tab, LF, CR), then an object or an array.
  if (!/^[ \t\n\r]*[{[]/.test(text)) return new BodyError(400, 'entity.parse.failed');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return new BodyError(400, 'entity.parse.failed');
  }
}
