import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { complianceApi, type ComplianceQuery } from '../api/compliance.api';

export const useComplianceSummary = (query: ComplianceQuery) =>
  useQuery({ queryKey: ['compliance', 'summary', query], queryFn: () => complianceApi.summary(query) });

export const useComplianceList = (query: ComplianceQuery & { limit: number; cursor?: number }) =>
  useQuery({
    queryKey: ['compliance', 'list', query],
    queryFn: () => complianceApi.list(query),
    placeholderData: keepPreviousData,
  });
