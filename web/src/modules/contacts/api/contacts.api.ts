import type { BuyingRole } from '../../../shared/enums';

export interface Contact {
  id: number;
  customerId: number;
  name: string;
  title: string | null;
  department: string | null;
  buyingRole: BuyingRole | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  gender: 'male' | 'female' | null;
  hometown: string | null;
  school: string | null;
  interests: string | null;
  isKey: boolean;
  note: string | null;
}
