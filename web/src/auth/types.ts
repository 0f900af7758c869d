export interface Auth {
  /** The ID token for the API (Cognito's JWT authorizer audience is the app client), or null when signed out. */
  token(): Promise<string | null>;
  /** Local mode signs in on its own page; Cognito redirects to the managed login. */
  signIn(returnTo: string): Promise<void>;
  signOut(): Promise<void>;
  /** Cognito only: finishes the redirect back from the managed login; answers where to go next. */
  completeSignIn?(): Promise<string>;
  /**
   * Cognito with federation only: leaves for sign-in with the council's identity provider
   * (straight to it) or with a Ragtime account (the managed login's own form).
   */
  signInVia?(returnTo: string, via: 'council' | 'ragtime'): Promise<void>;
}
