// People and single sign-on (docs/people.md): the pre-token-generation trigger that
// writes each person's roles from the table into their ID token, and optionally the
// council's identity provider (Entra ID by OIDC, or SAML) beside the pool's own users.
import { Duration, SecretValue } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { peoplePk } from '../lambdas/store/keys';
import { type FunctionShared, RagtimeFunction } from './function';
import type { Federation } from './settings';

/** The identity provider's name: what the managed login's button says (no spaces allowed). */
export const councilProviderName = 'CouncilAccount';

/** Entra ID's SAML claim for the user's email address. */
export const samlEmailClaim = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';

export interface RagtimePeopleProps {
  userPool: cognito.UserPool;
  shared: FunctionShared;
  firstAdminEmail?: string;
  federation?: Federation;
}

export class RagtimePeople extends Construct {
  readonly claimsTrigger: RagtimeFunction;
  /** The council's identity provider, when federation context is given. */
  readonly provider?: cognito.UserPoolIdentityProviderOidc | cognito.UserPoolIdentityProviderSaml;
  /** What the app client offers: the pool's own users, and the council's provider when there is one. */
  readonly clientProviders: cognito.UserPoolClientIdentityProvider[];

  constructor(scope: Construct, id: string, props: RagtimePeopleProps) {
    super(scope, id);
    this.claimsTrigger = new RagtimeFunction(this, 'PreTokenGeneration', {
      handler: 'pre-token-generation',
      description: "Ragtime: each ID token's cognito:groups and custom:directorate from the person's record",
      // One GetItem of the person's record, nothing else: the trigger cannot change anyone's roles,
      // and IAM lets it read only the people items (partition key PEOPLE, dynamodb:LeadingKeys).
      table: { read: ['GetItem'] },
      tableLeadingKeys: [peoplePk],
      sendsEmail: false,
      // Cognito waits 5 s for a trigger; a sign-in should not wait that long for one read.
      timeout: Duration.seconds(5),
      shared: props.shared,
      environment: props.firstAdminEmail ? { FIRST_ADMIN_EMAIL: props.firstAdminEmail } : {},
    });
    props.userPool.addTrigger(
      cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.claimsTrigger.function,
      cognito.LambdaVersion.V2_0,
    );

    const federation = props.federation;
    // The IdP's email claim is the key of the person's record, and whether the IdP verified it: the
    // trigger gives a federated sign-in no role unless email_verified is "true". No other attribute is taken.
    const attributeMapping: cognito.AttributeMapping = {
      email: cognito.ProviderAttribute.other(federation?.kind === 'saml' ? samlEmailClaim : 'email'),
      ...(federation && { emailVerified: cognito.ProviderAttribute.other(federation.emailVerifiedClaim) }),
    };
    if (federation?.kind === 'oidc') {
      this.provider = new cognito.UserPoolIdentityProviderOidc(this, 'CouncilOidc', {
        userPool: props.userPool,
        name: councilProviderName,
        issuerUrl: federation.issuer,
        clientId: federation.clientId,
        // A dynamic reference: CloudFormation resolves it at deploy, the secret is never in the template.
        clientSecret: SecretValue.secretsManager(federation.clientSecretName).unsafeUnwrap(),
        scopes: ['openid', 'email', 'profile'],
        attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
        attributeMapping,
      });
    } else if (federation?.kind === 'saml') {
      this.provider = new cognito.UserPoolIdentityProviderSaml(this, 'CouncilSaml', {
        userPool: props.userPool,
        name: councilProviderName,
        metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(federation.metadataUrl),
        attributeMapping,
      });
    }
    this.clientProviders = [cognito.UserPoolClientIdentityProvider.COGNITO];
    if (this.provider) this.clientProviders.push(cognito.UserPoolClientIdentityProvider.custom(councilProviderName));
  }
}
