import { api } from '../../../shared/api/client';
import type { LifecycleStage } from '../../../shared/enums';
import type { Localised } from '../../grading/api/grading.api';
import { analyticsQuery, type AnalyticsFilter } from '../../analytics/api/analytics.api';

/** What the customers someone referred have bought to date (only those the user may see). */
export interface ReferralTotals {
  referred: number;
  buyers: number;
  sales: string;
  profit: string;
}

export interface ReferredCustomer {
  id: number;
  code: string;
  name: string;
  lifecycleStage: LifecycleStage;
  ownerName: string | null;
  createdAt: string;
  orderCount: number;
  sales: string;
  profit: string;
  firstOrder: string | null;
  lastOrder: string | null;
}

export interface CustomerReferrals {
  items: ReferredCustomer[];
  totals: ReferralTotals;
}

export interface GradeReferrals extends ReferralTotals {
  customers: number;
  referrers: number;
  referralRate: number | null;
  conversionRate: number | null;
}

export interface ReferralAnalysis {
  runId: number;
  asOf: string;
  grades: (GradeReferrals & { grade: number; code: string; name: Localised; color: string })[];
  totals: GradeReferrals;
  sourced: {
    customers: number;
    referredCustomers: number;
    share: number | null;
    sales: string;
    referredSales: string;
    salesShare: number | null;
  };
  top: (ReferralTotals & { customerId: number; code: string; name: string; grade: number })[];
}

export const referralsApi = {
  analysis: (runId: number, filter: AnalyticsFilter) =>
    api.get<ReferralAnalysis>(`/analytics/runs/${runId}/referrals${analyticsQuery(filter)}`),
};
