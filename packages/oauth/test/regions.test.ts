import { describe, expect, it } from 'vitest';
import { GENESYS_REGIONS, OAuthError, classifyGenesysHost, environmentOf, resolveEndpoints } from '@adhere/oauth';

describe('Genesys regions', () => {
  it('has the SDK table of 18 environments', () => {
    expect(Object.keys(GENESYS_REGIONS)).toHaveLength(18);
    expect(GENESYS_REGIONS.eu_west_1).toBe('mypurecloud.ie');
    expect(GENESYS_REGIONS.eusc_de_east_1).toBe('edee1.eusc-pure.cloud');
  });

  it.each(Object.entries(GENESYS_REGIONS))('%s → OAuth on login.%s, API on api.', (region, env) => {
    for (const key of [region, env, region.replace(/_/g, '-')]) {
      const e = resolveEndpoints({ region: key });
      expect(e.authorizeUrl).toBe(`https://login.${env}/oauth/authorize`);
      expect(e.tokenUrl).toBe(`https://login.${env}/oauth/token`);
      expect(e.apiBaseUrl).toBe(`https://api.${env}`);
    }
    expect(classifyGenesysHost(`api.${env}`)).toEqual({ environment: env, kind: 'api' });
    expect(classifyGenesysHost(`login.${env}`)).toEqual({ environment: env, kind: 'login' });
  });

  it('keeps mypurecloud.com and mypurecloud.com.au apart', () => {
    expect(classifyGenesysHost('login.mypurecloud.com.au')?.environment).toBe('mypurecloud.com.au');
    expect(classifyGenesysHost('login.mypurecloud.com')?.environment).toBe('mypurecloud.com');
  });

  it('accepts a custom login base URL (the emulator) and refuses an api. host for OAuth', () => {
    expect(resolveEndpoints({ loginBaseUrl: 'http://127.0.0.1:4010/' }).tokenUrl).toBe(
      'http://127.0.0.1:4010/oauth/token',
    );
    expect(() => resolveEndpoints({ loginBaseUrl: 'https://api.mypurecloud.com' })).toThrowError(
      /api\. host; OAuth is on login/,
    );
  });

  it.each([
    [{ region: 'mars_north_1' }, 'unknown_region'],
    [{}, 'invalid_config'],
    [{ loginBaseUrl: 'not a url' }, 'invalid_config'],
    [{ loginBaseUrl: 'http://login.example.com' }, 'invalid_config'],
  ])('refuses %j with %s', (config, code) => {
    try {
      resolveEndpoints(config);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(OAuthError);
      expect((err as OAuthError).code).toBe(code);
    }
  });

  it('environmentOf ignores case and unknown names', () => {
    expect(environmentOf('US_EAST_1')).toBe('mypurecloud.com');
    expect(environmentOf('example.com')).toBeUndefined();
  });
});
