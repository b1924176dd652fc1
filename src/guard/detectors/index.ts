/**
 * The detectors table: every secret and PII detector, in tie-break order (an overlap between
 * equally confident, equally long hits goes to the one listed first). Adding a detector = one file
 * under secret/ or pii/ + one line here + its labelled cases in __fixtures__/.
 */
import type { Detector } from '../types.js';
import { authHeader } from './secret/auth-header.js';
import { awsAccessKey } from './secret/aws-access-key.js';
import { awsSecretKey } from './secret/aws-secret-key.js';
import { azureStorageKey } from './secret/azure-storage-key.js';
import { gcpApiKey } from './secret/gcp-api-key.js';
import { gcpServiceAccount } from './secret/gcp-service-account.js';
import { genericAssignment } from './secret/generic-assignment.js';
import { githubToken } from './secret/github-token.js';
import { gitlabToken } from './secret/gitlab-token.js';
import { highEntropy } from './secret/high-entropy.js';
import { huggingfaceToken } from './secret/huggingface-token.js';
import { jwt } from './secret/jwt.js';
import { npmToken } from './secret/npm-token.js';
import { anthropicKey } from './secret/anthropic-key.js';
import { openaiKey } from './secret/openai-key.js';
import { privateKey } from './secret/private-key.js';
import { sendgridKey } from './secret/sendgrid-key.js';
import { skApiKey } from './secret/sk-api-key.js';
import { slackToken } from './secret/slack-token.js';
import { stripeKey } from './secret/stripe-key.js';
import { twilioKey } from './secret/twilio-key.js';
import { urlCredentials } from './secret/url-credentials.js';
import { cnResidentId } from './pii/cn-resident-id.js';
import { creditCard } from './pii/credit-card.js';
import { email } from './pii/email.js';
import { iban } from './pii/iban.js';
import { ipv4 } from './pii/ipv4.js';
import { ipv6 } from './pii/ipv6.js';
import { personName } from './pii/person-name.js';
import { phone } from './pii/phone.js';
import { postalAddress } from './pii/postal-address.js';
import { usSsn } from './pii/us-ssn.js';

/** Every detector, keyed by rule id. */
export const detectors = {
  // Secrets: vendor-prefixed tokens first, then structured secrets, then context heuristics.
  [awsAccessKey.id]: awsAccessKey,
  [awsSecretKey.id]: awsSecretKey,
  [gcpApiKey.id]: gcpApiKey,
  [gcpServiceAccount.id]: gcpServiceAccount,
  [azureStorageKey.id]: azureStorageKey,
  [githubToken.id]: githubToken,
  [gitlabToken.id]: gitlabToken,
  [slackToken.id]: slackToken,
  [stripeKey.id]: stripeKey,
  [anthropicKey.id]: anthropicKey,
  [openaiKey.id]: openaiKey,
  [skApiKey.id]: skApiKey,
  [huggingfaceToken.id]: huggingfaceToken,
  [npmToken.id]: npmToken,
  [sendgridKey.id]: sendgridKey,
  [twilioKey.id]: twilioKey,
  [privateKey.id]: privateKey,
  [jwt.id]: jwt,
  [urlCredentials.id]: urlCredentials,
  [authHeader.id]: authHeader,
  [genericAssignment.id]: genericAssignment,
  [highEntropy.id]: highEntropy,
  // Personal data.
  [email.id]: email,
  // The resident ID (region, date, checksum) is stricter than a card's Luhn digit: it wins 18-digit ties.
  [cnResidentId.id]: cnResidentId,
  [creditCard.id]: creditCard,
  [iban.id]: iban,
  [usSsn.id]: usSsn,
  [phone.id]: phone,
  [ipv4.id]: ipv4,
  [ipv6.id]: ipv6,
  [personName.id]: personName,
  [postalAddress.id]: postalAddress,
} as const satisfies Record<string, Detector>;

/** A detector rule id such as `pii/email`. */
export type DetectorId = keyof typeof detectors;

/** The detectors in table order. */
export const DETECTORS: readonly Detector[] = Object.values(detectors);
