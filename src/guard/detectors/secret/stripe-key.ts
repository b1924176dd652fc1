import { ALNUM, tokenAt } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

/** Stripe secret and restricted keys, live and test (publishable `pk_` keys are public). */
export const stripeKey = defineDetector({
  id: 'secret/stripe-key',
  title: 'Stripe secret key',
  description: 'sk_live_/rk_live_/sk_test_/rk_test_ followed by 20-247 alphanumerics.',
  severity: 'critical',
  kind: 'secret',
  confidence: 'high',
  label: 'STRIPE_KEY',
  trigger: 'anchor',
  anchors: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
  matchAt: (text, at, anchor) => tokenAt(text, at, anchor.length, ALNUM, 20, 247),
});
