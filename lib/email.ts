// SES: the sender identity and a configuration set whose bounces, complaints and
// rejects reach the alarm topic (docs/deploy.md).
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface RagtimeEmailProps {
  senderEmail: string;
  /** Email may go only to addresses at these domains (lower case). */
  allowedRecipientDomains: string[];
  /** Verify this domain (Easy DKIM) instead of the single address. */
  senderDomain?: string;
  /** Where bounce, complaint and reject events go. */
  notificationTopic: sns.ITopic;
}

export class RagtimeEmail extends Construct {
  readonly senderEmail: string;
  readonly allowedRecipientDomains: string[];
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly configurationSetName: string;
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: RagtimeEmailProps) {
    super(scope, id);
    this.senderEmail = props.senderEmail;
    this.allowedRecipientDomains = props.allowedRecipientDomains;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      // The report goes out only over TLS: SES does not fall back to plain text.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.configurationSet.addEventDestination('ToAlarmTopic', {
      destination: ses.EventDestination.snsTopic(props.notificationTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
    });
    this.configurationSetName = this.configurationSet.configurationSetName;
    this.configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSetName,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: props.senderDomain ? ses.Identity.domain(props.senderDomain) : ses.Identity.email(props.senderEmail),
      // Sends that forget the configuration set are still tracked.
      configurationSet: this.configurationSet,
    });
  }

  /**
   * ses:SendRawEmail as the sender identity through the configuration set, From the
   * sender address only and To/Cc only addresses at the allowed domains (a stolen admin
   * token cannot redirect the report elsewhere; docs/deploy.md "Security notes").
   */
  grantSend(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [this.identity.emailIdentityArn, this.configurationSetArn],
        conditions: {
          StringEquals: { 'ses:FromAddress': this.senderEmail },
          'ForAllValues:StringLike': { 'ses:Recipients': this.allowedRecipientDomains.map((domain) => `*@${domain}`) },
        },
      }),
    );
  }
}
