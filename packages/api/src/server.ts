import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { DomainError, errorMessage } from '@csp/domain';
import express, { type NextFunction, type Request, type Response } from 'express';
import depthLimit from 'graphql-depth-limit';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './data-source.js';
import { actorForToken } from './modules/auth/auth.service.js';
import { sessionTokenOf } from './modules/auth/session-cookie.js';
import { activityCsvRoute } from './modules/activity/activity-csv.route.js';
import { invoiceCsvRoute } from './modules/invoices/invoice-csv.route.js';
import { downloadRoute } from './modules/software/download.route.js';
import type { KeyVault } from './modules/software/key-vault.js';
import { filesRouter } from './modules/support/files.route.js';
import { graphqlSchema } from './schema.js';
import type { Clock } from './shared/clock.js';
import type { Actor, RequestContext } from './shared/context.js';
import { formatError, isDatabaseDown } from './shared/format-error.js';
import {
  aliasLimit,
  complexityLimit,
  MAX_DEPTH,
  selectionLimits,
} from './shared/graphql-limits.js';
import type { Logger } from './shared/logger.js';

export interface AppOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  vault: KeyVault;
  /** The folder of files served through download links. */
  mediaDir: string;
  /** Where uploaded support-request attachments are stored. */
  attachmentsDir: string;
  production: boolean;
  /** The built SPA; served with a fallback to index.html for client-side routes. */
  webDist?: string | null;
}

export const DEFAULT_WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);

/** Security headers on every response (the SPA and the bundled explorer work under this CSP). */
function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader(
    'Content-Security-Policy',
    [
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
    ].join('; '),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}

export async function createApp(options: AppOptions) {
  const { db, clock, logger } = options;
  const schema = await graphqlSchema();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    validationRules: [depthLimit(MAX_DEPTH), aliasLimit(), selectionLimits],
    // No cache hints are used; Apollo's default cache-control plugin would wrap every field (bench).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      complexityLimit(schema),
    ],
    formatError: formatError(logger),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
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

  // Who is calling: a session cookie (browser) or `Authorization: Bearer` (scripts).
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = sessionTokenOf(req);
      res.locals['actor'] = token ? await actorForToken(db, token, clock.now()) : null;
      next();
    } catch (error) {
      next(error);
    }
  });

  // Liveness and readiness (E5): both ask the database, each wait bounded to 2 s; a load balancer
  // takes a process out of rotation on 503 and back when its database answers again.
  const databaseCheck = async (_req: Request, res: Response) => {
    try {
      await db.manager.query('SELECT 1');
      res.json({ status: 'ok', database: db.engine });
    } catch {
      res.status(503).json({
        status: 'unavailable',
        code: 'DATABASE_UNAVAILABLE',
        message: errorMessage('DATABASE_UNAVAILABLE', 'en'),
      });
    }
  };
  app.get('/healthz', databaseCheck);
  app.get('/readyz', databaseCheck);

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => ({
        db,
        clock,
        logger,
        vault: options.vault,
        actor: (res.locals['actor'] as Actor | null) ?? null,
        req,
        res,
        loaders: new Map(),
      }),
    }),
  );

  app.get('/invoices/:file', invoiceCsvRoute(db));
  app.get('/activity-log.csv', activityCsvRoute(db));
  app.use(filesRouter(db, clock, options.attachmentsDir));
  // Express answers HEAD with the GET handler; the handler itself makes HEAD not count (D3).
  app.get('/downloads/:token', downloadRoute({ db, clock, logger, mediaDir: options.mediaDir }));

  const webDist = options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(
      /^\/(?!graphql|downloads\/|invoices\/|files\/|healthz|readyz|activity-log\.csv).*/,
      (_req, res) => {
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(path.join(webDist, 'index.html'));
      },
    );
  }

  // Errors outside GraphQL: a refusal keeps its code; anything else is a plain 500 with no details.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof DomainError) {
      const statuses: Partial<Record<string, number>> = {
        UNAUTHENTICATED: 401,
        FORBIDDEN_ROLE: 403,
        NOT_FOUND: 404,
      };
      res
        .status(statuses[error.code] ?? 400)
        .json({ code: error.code, message: errorMessage(error.code, 'en', error.details) });
      return;
    }
    if (isDatabaseDown(error)) {
      res.status(503).json({
        code: 'DATABASE_UNAVAILABLE',
        message: errorMessage('DATABASE_UNAVAILABLE', 'en'),
      });
      return;
    }
    if ((error as { type?: string })?.type === 'entity.too.large') {
      res.status(413).json({ code: 'BAD_USER_INPUT', message: 'The request body is too large.' });
      return;
    }
    logger.error('unhandled request error', { message: (error as Error)?.message });
    res.status(500).json({ code: 'INTERNAL', message: errorMessage('INTERNAL', 'en') });
  });

  return { app, apollo };
}
