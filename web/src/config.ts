// What the app is told at run time (config.json beside index.html): written by the
// local server in local mode, by the deployment (BucketDeployment) in AWS.
export interface LocalConfig {
  auth: 'local';
  /** '' when the API is on the app's own origin. */
  apiUrl: string;
  directorates: string[];
}
export interface CognitoConfig {
  auth: 'cognito';
  apiUrl: string;
  /** The OIDC issuer (the user pool), whose discovery document names the managed login endpoints. */
  authority: string;
  clientId: string;
  /** https://<prefix>.auth.<region>.amazoncognito.com: its /logout ends the Cognito session. */
  cognitoDomain: string;
  /**
   * Only with federation (docs/people.md "The sign-in page"): the council's identity provider's
   * name in the user pool. The app then starts sign-in on its own page, whose "Sign in with your
   * council account" sends identity_provider=<this> to the authorize endpoint.
   */
  councilProvider?: string;
}
export type AppConfig = LocalConfig | CognitoConfig;

export async function loadConfig(): Promise<AppConfig> {
  const res = await fetch(`${appBase}config.json`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  return (await res.json()) as AppConfig;
}

/** Where the app is served from, with a trailing slash. */
export const appBase = '/app/';
