import { useQuery } from '@tanstack/react-query';
import { opportunitiesApi } from '../api/opportunities.api';

export function useOpportunityStages() {
  return useQuery({
    queryKey: ['opportunity-stages'],
    queryFn: opportunitiesApi.stages,
    staleTime: 5 * 60_000,
  });
}

export function useCustomerOpportunities(customerId: number) {
  return useQuery({
    queryKey: ['customers', customerId, 'opportunities'],
    queryFn: () => opportunitiesApi.ofCustomer(customerId),
  });
}
