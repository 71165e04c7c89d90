import { describe, expect, it } from 'vitest';
import { PACKAGE_VARIABLES, checkPackageVariables, type PackageVariable } from '../../scripts/lib/app-package';
import { VALID_VALUES } from './helpers';

function problemsFor(variable: PackageVariable, value: string | undefined, allowLocalhost = false): string[] {
  const result = checkPackageVariables({ ...VALID_VALUES, [variable]: value }, { allowLocalhost });
  return result.ok ? [] : result.problems.map((problem) => `${problem.variable}: ${problem.message}`);
}

describe('checkPackageVariables', () => {
  it('should accept real values and normalise them to lower case', () => {
    const result = checkPackageVariables({ ...VALID_VALUES, TAB_DOMAIN: ' Plan.Fagforening-Lokal.NO ' });
    expect(result).toEqual({ ok: true, values: VALID_VALUES });
  });

  const refusedForEveryVariable: ReadonlyArray<[string, string | undefined, RegExp]> = [
    ['missing', undefined, /is not set/],
    ['empty', '', /is empty/],
    ['blank', '   ', /is empty/],
    ['an angle-bracket placeholder', '<your-value>', /placeholder/],
    ['an unresolved Toolkit placeholder', '${{VALUE}}', /placeholder/],
  ];
  for (const variable of PACKAGE_VARIABLES) {
    for (const [label, value, message] of refusedForEveryVariable) {
      it(`should refuse ${variable} when it is ${label}, naming it`, () => {
        const problems = problemsFor(variable, value);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(new RegExp(`^${variable}: ${variable} `));
        expect(problems[0]).toMatch(message);
      });
    }
  }

  for (const variable of ['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID'] as const) {
    it.each([
      ['00000000-0000-0000-0000-000000000000', /placeholder GUID/],
      ['11111111-1111-1111-1111-111111111111', /placeholder GUID/],
      ['not-a-guid', /must be a GUID/],
      ['3f2504e0-4f89-41d3-9a0c-0305e82c330', /must be a GUID/],
      ['{3f2504e0-4f89-41d3-9a0c-0305e82c3301}', /must be a GUID/],
    ])(`should refuse ${variable}=%s`, (value, message) => {
      const problems = problemsFor(variable, value);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${variable}: `));
      expect(problems[0]).toMatch(message);
    });
  }

  it.each([
    ['https://plan.fagforening-lokal.no', /without scheme/],
    ['plan.fagforening-lokal.no/', /without path/],
    ['plan.fagforening-lokal.no/index.html', /without path/],
    ['plan.fagforening-lokal.no?x=1', /without path/],
    ['localhost', /--allow-localhost/],
    ['localhost:53000', /--allow-localhost/],
    ['127.0.0.1', /--allow-localhost/],
    ['10.0.0.5', /not an IP address/],
    ['plan', /not a valid fully qualified host name/],
    ['-plan.no', /not a valid fully qualified host name/],
    ['plan.example.com', /documentation placeholder domain/],
    ['your-domain.no', /placeholder/],
  ])('should refuse TAB_DOMAIN=%s', (value, message) => {
    const problems = problemsFor('TAB_DOMAIN', value);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^TAB_DOMAIN: TAB_DOMAIN /);
    expect(problems[0]).toMatch(message);
  });

  it('should accept localhost only with allowLocalhost', () => {
    expect(problemsFor('TAB_DOMAIN', 'localhost:53000', true)).toEqual([]);
    expect(problemsFor('TAB_DOMAIN', 'localhost', true)).toEqual([]);
  });

  it('should accept a host with a port', () => {
    expect(problemsFor('TAB_DOMAIN', 'plan.fagforening-lokal.no:8443')).toEqual([]);
  });

  it('should report every bad variable in one result and say where each value came from', () => {
    const result = checkPackageVariables(
      { TEAMS_APP_ID: '', AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000000' },
      { sources: { TEAMS_APP_ID: 'process environment', AAD_APP_CLIENT_ID: 'env/.env.dev' } },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.variable)).toEqual(['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'TAB_DOMAIN']);
    expect(result.problems[0]?.message).toBe('TEAMS_APP_ID is empty. (from process environment)');
    expect(result.problems[1]?.message).toContain('(from env/.env.dev)');
    expect(result.problems[2]?.message).toBe('TAB_DOMAIN is not set.');
  });
});
