import type { AlertKind } from '../../db/database.js';

export const alertKinds = [
  'upgrade',
  'downgrade',
  'entered_top',
  'left_top',
  'churn_risk',
  'pool_warning',
] as const satisfies readonly AlertKind[];

/**
 * Which grades mean "this customer may be slipping away", by grading method. A change raises churn_risk when it
 * moves a customer into one of these grades from a grade outside them (or from no grade); moving on inside the
 * set (at_risk → lost) is only a downgrade, so nobody is told twice about the same slide.
 */
export const churnRiskCodes = {
  lifecycle: ['closed_declining', 'churned'],
  rfm: ['at_risk', 'cant_lose', 'hibernating', 'lost'],
} as const;

/**
 * Methods whose ladder is a sequence of stages, not a ranking: moving along it is neither an upgrade nor a
 * downgrade, and its first stage is no "top", so only churn_risk is raised for them.
 */
export const unrankedMethods = ['lifecycle'] as const;
