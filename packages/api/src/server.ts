import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { DomainError, type ErrorCode } from '@csp/domain';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, printSchema } from 'graphql';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './data-source.js';
import { actorForToken } from './modules/auth/auth.service.js';
import { sessionTokenOf } from './modules/auth/session-cookie.js';
import { landingPages } from './shared/landing-pages.js';
import { createPrecompressedSender, precompressed } from './shared/precompressed.js';
import { activityCsvRoute } from './modules/activity/activity-csv.route.js';
import { invoiceCsvRoute } from './modules/invoices/invoice-csv.route.js';
import { downloadRefusalPage } from './modules/software/download-page.js';
import { downloadRoute } from './modules/software/download.route.js';
import type { KeyVault } from './modules/software/key-vault.js';
import {
  databaseAttachmentStore,
  type AttachmentStore,
} from './modules/support/attachment-store.js';
import { filesRouter } from './modules/support/files.route.js';
import { graphqlSchema } from './schema.js';
import { compiledExecutorGateway, type ExecutorKind } from './shared/compiled-executor.js';
import { graphqlHttp } from './shared/graphql-http.js';
import type { Clock } from './shared/clock.js';
import type { Actor, RequestContext } from './shared/context.js';
import { formatError, isDatabaseDown } from './shared/format-error.js';
import { localizeErrors, refusalMessage } from './shared/i18n/localize-errors.js';
import { languageOf, serverText } from './shared/i18n/server-text.js';
import {
  armorRules,
  complexityLimit,
  MAX_TOKENS,
  selectionLimits,
} from './shared/graphql-limits.js';
import type { Logger } from './shared/logger.js';

/** The largest GraphQL request body, kB (hostile input: a document that big is an attack). */
const GRAPHQL_BODY_LIMIT_KB = 100;

export interface AppOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  vault: KeyVault;
  /** The folder of files served through download links. */
  mediaDir: string;
  /** Where uploaded support-request attachments are stored (default: the database, X1). */
  attachments?: AttachmentStore;
  production: boolean;
  /** The built SPA; served with a fallback to index.html for client-side routes. */
  webDist?: string | null;
  /**
   * The address customers reach the portal at, for the download links it hands out (PUBLIC_URL).
   * Unset: http://localhost:<the port this request came in on>. Never the request's Host header.
   */
  publicUrl?: string | null;
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-* headers to believe. */
  trustProxy?: boolean | number | string;
  /** Who runs checked operations (GRAPHQL_EXECUTOR; default compiled, decision 024). */
  executor?: ExecutorKind;
}

/** A refusal outside GraphQL: `{ code, message }` (E2). */
function refuse(res: Response, status: number, code: ErrorCode | string, message: string) {
  res.status(status).json({ code, message });
}

/** The session token, or none when the cookie is not valid percent-encoding (a hostile header). */
function sessionToken(req: Request): string | null {
  try {
    return sessionTokenOf(req);
  } catch {
    return null;
  }
}

/** E5: the database failed while finding the caller: the GraphQL-shaped DATABASE_UNAVAILABLE. */
function databaseUnavailable(): GraphQLError {
  return new GraphQLError(serverText('en', 'error.DATABASE_UNAVAILABLE'), {
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
  });
}

/**
 * E2: a /graphql body that is not JSON, not an object, not UTF-8 or too large answers a 4xx
 * GraphQL error with a code, as Apollo's own refusals do; nothing runs.
 */
function graphqlBodyErrors(error: unknown, req: Request, res: Response, next: NextFunction) {
  const e = error as { status?: number; type?: string } | null;
  const status = e?.status ?? 500;
  if (status < 400 || status >= 500) {
    next(error);
    return;
  }
  const language = languageOf(req.get('accept-language'));
  const tooLarge = e?.type === 'entity.too.large';
  res.status(status).json({
    errors: [
      {
        message: tooLarge
          ? serverText(language, 'request.BODY_TOO_LARGE', { maxKb: GRAPHQL_BODY_LIMIT_KB })
          : status === 415
            ? serverText(language, 'request.BODY_NOT_JSON_TYPE')
            : serverText(language, 'request.BODY_NOT_JSON', {
                example: '{"query": "{ me { email } }"}',
              }),
        extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
      },
    ],
  });
}

/** E5: one DATABASE_UNAVAILABLE anywhere in an answer makes it a 503, whoever asked. */
const databaseUnavailableStatus: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const body = response.body;
        if (
          body.kind === 'single' &&
          body.singleResult.errors?.some((e) => e.extensions?.['code'] === 'DATABASE_UNAVAILABLE')
        ) {
          response.http.status = 503;
        }
      },
    };
  },
};

export const DEFAULT_WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);

/** The CSP of every response (the SPA and the bundled explorer work under it); joined once. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every response. */
function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}

export async function createApp(options: AppOptions) {
  const { db, clock, logger } = options;
  const schema = await graphqlSchema();
  const apolloOptions = {
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [...armorRules(), selectionLimits],
    // No cache hints are used; Apollo's default cache-control plugin would wrap every field (bench).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      complexityLimit(schema),
      databaseUnavailableStatus,
      localizeErrors,
    ],
    formatError: formatError(logger, { production: options.production }),
  };
  // Decision 024: the same pipeline (parse, validation rules, plugins, formatError) either way;
  // only the execution of a checked operation differs.
  const apollo = new ApolloServer<RequestContext>(
    (options.executor ?? 'compiled') === 'compiled'
      ? { ...apolloOptions, gateway: compiledExecutorGateway(schema) }
      : { ...apolloOptions, schema },
  );
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-* are believed only from the proxies TRUST_PROXY names (default: none).
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(securityHeaders);
  // One line per request. Paths pass through the logger's redaction (download tokens, D5).
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.path === '/healthz') return;
      logger.info('request', {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      });
    });
    next();
  });

  // Issue 14: answers above 1 kB (GraphQL, CSV) go out compressed (brotli or gzip by
  // Accept-Encoding, with Vary); smaller ones are not worth the CPU. Built assets are compressed
  // at build time instead (shared/precompressed.ts).
  const compressAll = compression({ threshold: 1024 });
  // A client that accepts no encoding (scripts, the bench) skips the middleware's wrapping of
  // every write: ≈ 0.25 ms of CPU per GraphQL request (issue 13). Vary stays on every answer.
  const compress = (req: Request, res: Response, next: NextFunction) => {
    if (req.headers['accept-encoding']) return compressAll(req, res, next);
    res.vary('Accept-Encoding');
    next();
  };
  const graphqlContext = async ({
    req,
    res,
  }: {
    req: Request;
    res: Response;
  }): Promise<RequestContext> => {
    const token = sessionToken(req);
    let actor: Actor | null;
    try {
      actor = token ? await actorForToken(db, token, clock.now()) : null;
    } catch (error) {
      if (isDatabaseDown(error)) throw databaseUnavailable();
      if (error instanceof DomainError && error.code === 'DATABASE_UNAVAILABLE')
        throw databaseUnavailable();
      throw error;
    }
    return {
      db,
      clock,
      logger,
      vault: options.vault,
      actor,
      req,
      res,
      loaders: new Map(),
      publicUrl: options.publicUrl ?? `http://localhost:${req.socket.localPort}`,
      language: languageOf(req.get('accept-language')),
    };
  };
  // Decision 026: /graphql is answered here, before the router walks the routes below.
  app.use(
    graphqlHttp({
      apollo,
      context: graphqlContext,
      limitBytes: GRAPHQL_BODY_LIMIT_KB * 1024,
      compress,
      json: express.json({ limit: `${GRAPHQL_BODY_LIMIT_KB}kb` }),
      bodyErrors: graphqlBodyErrors,
    }),
  );

  // Who is calling: a session cookie (browser) or `Authorization: Bearer` (scripts). /graphql
  // (answered above) does this in Apollo's context, so a failure there is a GraphQL error too (E5).
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = sessionToken(req);
      res.locals['actor'] = token ? await actorForToken(db, token, clock.now()) : null;
      next();
    } catch (error) {
      next(error);
    }
  });

  // Liveness and readiness (E5): both ask the database, each wait bounded to 2 s; a load balancer
  // takes a process out of rotation on 503 and back when its database answers again.
  const databaseCheck = async (req: Request, res: Response) => {
    try {
      await db.manager.query('SELECT 1');
      res.json({ status: 'ok', database: db.engine });
    } catch {
      res.status(503).json({
        status: 'unavailable',
        code: 'DATABASE_UNAVAILABLE',
        message: serverText(languageOf(req.get('accept-language')), 'error.DATABASE_UNAVAILABLE'),
      });
    }
  };
  app.get('/healthz', databaseCheck);
  app.get('/readyz', databaseCheck);

  // E3: the schema for the explorer, to signed-in users only (introspection is off in production).
  const schemaText = printSchema(schema);
  app.get('/schema.graphql', (req, res) => {
    if (!res.locals['actor']) {
      refuse(
        res,
        401,
        'UNAUTHENTICATED',
        serverText(languageOf(req.get('accept-language')), 'error.UNAUTHENTICATED'),
      );
      return;
    }
    res.setHeader('Cache-Control', 'private, no-cache');
    res.type('text/plain').send(schemaText);
  });

  app.get('/invoices/:file', compress, invoiceCsvRoute(db));
  app.get('/activity-log.csv', compress, activityCsvRoute(db, logger));
  app.use(filesRouter(db, clock, options.attachments ?? databaseAttachmentStore(db)));
  // Express answers HEAD with the GET handler; the handler itself makes HEAD not count (D3).
  app.get('/downloads/:token', downloadRoute({ db, clock, logger, mediaDir: options.mediaDir }));

  const webDist = options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    // Source maps hold the original source: not for the public in production.
    if (options.production) {
      app.get(/\.map$/, (_req, res) => refuse(res, 404, 'NOT_FOUND', 'Not found.'));
    }
    // Files under assets/ carry a content hash in their name: they never change.
    const cacheControl = (file: string) =>
      path.relative(webDist, file).split(path.sep)[0] === 'assets'
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
    // Issue 14: brotli or gzip copies made at build time, when the browser accepts them.
    const sendPrecompressed = createPrecompressedSender(cacheControl);
    app.use(precompressed(webDist, sendPrecompressed));
    app.use(
      express.static(webDist, {
        index: false,
        setHeaders(res, file) {
          res.setHeader('Cache-Control', cacheControl(file));
        },
      }),
    );
    // A missing asset is a 404, not the app page (a stale tab would otherwise parse HTML as JS).
    app.use('/assets', (_req, res) => refuse(res, 404, 'NOT_FOUND', 'Not found.'));
    const landingFile = landingPages(webDist);
    app.get(
      /^\/(?!graphql|downloads\/|invoices\/|files\/|healthz|readyz|activity-log\.csv|schema\.graphql).*/,
      (req, res) => {
        // The page the app opens on, with its chunks preloaded, when the build made one for it.
        const landing = landingFile(req);
        if (landing) res.vary('Accept-Language').vary('Cookie');
        const index = landing ?? path.resolve(webDist, 'index.html');
        if (sendPrecompressed(req, res, index)) return;
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(index);
      },
    );
  }

  // Errors outside GraphQL: a refusal keeps its code; anything else is a plain 500 with no details.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const language = languageOf(req.get('accept-language'));
    // E2: an address that is not valid percent-encoding (Express cannot decode the parameter).
    if (
      error instanceof URIError ||
      /Failed to decode param/.test(String((error as Error)?.message))
    ) {
      if (req.path.startsWith('/downloads/')) {
        // The same page as an unknown token: a malformed token is one.
        res.setHeader('Cache-Control', 'no-store');
        res.status(404).type('html').send(downloadRefusalPage('NOT_FOUND', language));
        return;
      }
      refuse(res, 400, 'BAD_REQUEST', serverText(language, 'request.BROKEN_ESCAPE'));
      return;
    }
    if (error instanceof DomainError) {
      const statuses: Partial<Record<string, number>> = {
        UNAUTHENTICATED: 401,
        FORBIDDEN_ROLE: 403,
        NOT_FOUND: 404,
      };
      // E1: the refusal's facts as data (a reason code with its parameters), the message worded
      // from them in the language of Accept-Language.
      res.status(statuses[error.code] ?? 400).json({
        ...error.details,
        code: error.code,
        message: refusalMessage(language, error.code, error.details),
      });
      return;
    }
    if (isDatabaseDown(error)) {
      // Why, for operators (a hung database, a cluster node rejoining, conflicts past the budget).
      logger.warn('database unavailable', { path: req.path, reason: (error as Error)?.message });
      res.status(503).json({
        code: 'DATABASE_UNAVAILABLE',
        message: serverText(language, 'error.DATABASE_UNAVAILABLE'),
      });
      return;
    }
    if ((error as { type?: string })?.type === 'entity.too.large') {
      res.status(413).json({
        code: 'BAD_USER_INPUT',
        message: serverText(language, 'request.BODY_TOO_LARGE_HERE'),
      });
      return;
    }
    // Any other client error Express or body-parser raised (bad JSON, bad charset, …).
    const status = (error as { status?: number; expose?: boolean })?.status;
    if (status && status >= 400 && status < 500) {
      refuse(res, status, 'BAD_REQUEST', serverText(language, 'request.NOT_VALID'));
      return;
    }
    logger.error('unhandled request error', { message: (error as Error)?.message });
    res.status(500).json({ code: 'INTERNAL', message: serverText(language, 'error.INTERNAL') });
  });

  return { app, apollo };
}
