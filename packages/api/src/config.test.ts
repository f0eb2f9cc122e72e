import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded database under ./data and port 4000', () => {
    const config = loadConfig({}, '/srv/portal');
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ type: 'embedded', file: '/srv/portal/data/portal.sqlite' });
    expect(config.mediaDir).toBe('/srv/portal/data/media');
    expect(config.activationKeySecret).toBeNull();
  });

  it('DATABASE_URL=mysql://… selects MySQL', () => {
    const config = loadConfig(
      { DATABASE_URL: 'mysql://root@127.0.0.1:3306/test', PORT: '8080' },
      '/x',
    );
    expect(config.database).toEqual({ type: 'mysql', url: 'mysql://root@127.0.0.1:3306/test' });
    expect(config.port).toBe(8080);
  });

  it('refuses a bad port or a non-MySQL URL with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(
      /must start with mysql:\/\//,
    );
  });

  it('PUBLIC_URL is the address of download links; TRUST_PROXY is off unless set', () => {
    const plain = loadConfig({}, '/x');
    expect(plain.publicUrl).toBeNull();
    expect(plain.trustProxy).toBe(false);
    const behind = loadConfig(
      { PUBLIC_URL: 'https://portal.example.com/', TRUST_PROXY: 'loopback, 10.0.0.0/8' },
      '/x',
    );
    expect(behind.publicUrl).toBe('https://portal.example.com');
    expect(behind.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: '1' }, '/x').trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }, '/x').trustProxy).toBe(true);
    expect(() => loadConfig({ PUBLIC_URL: 'portal.example.com' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://portal.example.com' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone!' })).toThrow(/TRUST_PROXY/);
  });

  it('GRAPHQL_EXECUTOR: compiled unless set to graphql-js (decision 024)', () => {
    expect(loadConfig({}, '/x').graphqlExecutor).toBe('compiled');
    expect(loadConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }, '/x').graphqlExecutor).toBe('graphql-js');
    expect(() => loadConfig({ GRAPHQL_EXECUTOR: 'jit' }, '/x')).toThrow(/GRAPHQL_EXECUTOR/);
  });
});
