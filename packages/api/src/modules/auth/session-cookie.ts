import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'csp_session';

const secure = (req: Request) => req.secure || req.get('x-forwarded-proto') === 'https';

export function setSessionCookie(
  req: Request,
  res: Response,
  token: string,
  expiresAt: Date,
): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(req),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(req),
    path: '/',
  });
}

/** The session token from `Authorization: Bearer …` (scripts) or the session cookie (browser). */
export function sessionTokenOf(req: Request): string | null {
  const header = req.get('authorization');
  const bearer = header && /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1] ?? null;
  const cookies = req.get('cookie') ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}
