import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Request } from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { landingPages } from './landing-pages.js';

/** Issue 14, first load: the copy of index.html that preloads the opening page's chunks. */
describe('landing pages', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'csp-landing-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  mkdirSync(path.join(dist, 'landing'));
  writeFileSync(
    path.join(dist, 'landing/pages.json'),
    JSON.stringify([
      {
        name: 'sign-in',
        pattern: '^/sign-in/?$',
        files: { en: 'landing/sign-in.en.html', ko: 'landing/sign-in.ko.html' },
      },
      {
        name: 'customers',
        pattern: '^/(customers/?)?$',
        files: { en: 'landing/customers.en.html', ko: 'landing/customers.ko.html' },
      },
    ]),
  );
  const pick = landingPages(dist);
  const request = (pathname: string, headers: Record<string, string> = {}) =>
    ({ path: pathname, get: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;
  const file = (name: string) => path.join(dist, 'landing', name);

  it('picks the page by path, in the language of Accept-Language', () => {
    expect(pick(request('/sign-in'))).toBe(file('sign-in.en.html'));
    expect(pick(request('/sign-in', { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' }))).toBe(
      file('sign-in.ko.html'),
    );
    expect(pick(request('/'))).toBe(file('customers.en.html'));
    expect(pick(request('/customers/'))).toBe(file('customers.en.html'));
  });

  it('E1: the language switch’s cookie wins over Accept-Language; other values are ignored', () => {
    const korean = { 'accept-language': 'ko', cookie: 'a=1; csp_language=en; b=2' };
    expect(pick(request('/sign-in', korean))).toBe(file('sign-in.en.html'));
    const bogus = { 'accept-language': 'ko', cookie: 'csp_language=../../etc/passwd' };
    expect(pick(request('/sign-in', bogus))).toBe(file('sign-in.ko.html'));
  });

  it('any other page gets the plain index.html (null), as does a build without landing pages', () => {
    expect(pick(request('/billing'))).toBeNull();
    expect(pick(request('/sign-in/extra'))).toBeNull();
    expect(landingPages(path.join(dist, 'missing'))(request('/sign-in'))).toBeNull();
  });
});
