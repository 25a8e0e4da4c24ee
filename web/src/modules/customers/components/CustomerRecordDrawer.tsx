import type { ReactNode } from 'react';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { toPayload } from '../../../shared/api/form-values';
import { useCreateCustomerRecord, type WritableCustomerResource } from '../hooks/useCustomerRecords';

export interface RecordDrawerProps {
  customerId: number;
  open: boolean;
  onClose: () => void;
}

interface CustomerRecordDrawerProps extends RecordDrawerProps {
  resource: WritableCustomerResource;
  title: string;
  fieldNames: readonly string[];
  initialValues?: Record<string, unknown>;
  dateTimeFields?: readonly string[];
  children: ReactNode;
}

/** A drawer that creates one record (contact, order, payment, activity) for the customer. */
export function CustomerRecordDrawer({
  customerId,
  resource,
  dateTimeFields,
  ...drawer
}: CustomerRecordDrawerProps) {
  const create = useCreateCustomerRecord<object>(customerId, resource);
  return (
    <FormDrawer<Record<string, unknown>>
      {...drawer}
      onSubmit={(values) => create.mutateAsync(toPayload(values, { dateTimeFields }))}
    />
  );
}
