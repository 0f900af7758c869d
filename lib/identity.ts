// Who may call the API (docs/rules.md#who-may-do-what): a Cognito user pool whose groups are the roles and
// whose custom:directorate says which directorate an officer writes for.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { Role } from '../lambdas/http/routes';

export const roleGroups: readonly Role[] = ['officer', 'approver', 'emt', 'admin'];

export interface RagtimeIdentityProps {
  reportTitle: string;
}

export class RagtimeIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  /** The API's app client: clients send its ID token (aud = this client's id). */
  readonly client: cognito.UserPoolClient;
  /** The JWT issuer: https://cognito-idp.<region>.amazonaws.com/<pool id>. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: RagtimeIdentityProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Users are created by admins (docs/deploy.md), never by themselves.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { directorate: new cognito.StringAttribute({ minLen: 0, maxLen: 200, mutable: true }) },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Staff accounts write the council's performance record: TOTP MFA for everyone.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      // Plus tier: threat protection blocks risky sign-ins and compromised passwords.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      userInvitation: {
        emailSubject: `Your ${props.reportTitle} (Ragtime) account`,
        emailBody:
          'You have a Ragtime account. Your username is {username} and your temporary password is {####}. ' +
          'You will set a new password and an authenticator app (MFA) the first time you sign in.',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of roleGroups) {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `Ragtime role "${role}" (the cognito:groups claim)`,
      });
    }

    this.client = this.userPool.addClient('ApiClient', {
      userPoolClientName: 'ragtime-api',
      generateSecret: false,
      // SRP only: the password never leaves the client (no USER_PASSWORD_AUTH); `npm run
      // signin` does SRP from the command line (docs/deploy.md).
      authFlows: { userSrp: true },
      // No hosted UI or OAuth: tokens come from SRP sign-in (npm run signin, docs/deploy.md).
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      // Users must not change their own directorate (it decides what an officer may
      // write); admins set it with AdminUpdateUserAttributes. Email stays writable (a
      // required attribute; a change takes effect only once verified, keepOriginal).
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true, email: true }),
    });
    const stack = Stack.of(this);
    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
  }
}
