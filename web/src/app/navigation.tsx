import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CommentOutlined,
  DashboardOutlined,
  FunnelPlotOutlined,
  GiftOutlined,
  HistoryOutlined,
  InboxOutlined,
  LineChartOutlined,
  MoneyCollectOutlined,
  ScheduleOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SlidersOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { Role } from '../shared/enums';

export interface NavigationItem {
  /** The path the item opens; items are highlighted for every path below it too. */
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** Roles that see the item; every role when absent. */
  roles?: readonly Role[];
}

/** The side menu. Each capability adds its entry here (grading, dashboard, worklist, import). */
export const navigation: readonly NavigationItem[] = [
  { path: '/dashboard', labelKey: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: '/customers', labelKey: 'nav.customers', icon: <TeamOutlined /> },
  { path: '/worklist', labelKey: 'nav.worklist', icon: <ScheduleOutlined /> },
  { path: '/pool', labelKey: 'nav.pool', icon: <InboxOutlined /> },
  { path: '/activities', labelKey: 'nav.activities', icon: <CommentOutlined /> },
  { path: '/sales', labelKey: 'nav.sales', icon: <LineChartOutlined /> },
  { path: '/funnel', labelKey: 'nav.funnel', icon: <FunnelPlotOutlined /> },
  { path: '/receivables', labelKey: 'nav.receivables', icon: <MoneyCollectOutlined /> },
  { path: '/messages', labelKey: 'nav.messages', icon: <GiftOutlined /> },
  { path: '/grading/models', labelKey: 'nav.models', icon: <SlidersOutlined /> },
  { path: '/grading/runs', labelKey: 'nav.runs', icon: <HistoryOutlined /> },
  { path: '/policies', labelKey: 'nav.policies', icon: <AuditOutlined />, roles: ['admin', 'manager'] },
  {
    path: '/compliance',
    labelKey: 'nav.compliance',
    icon: <SafetyCertificateOutlined />,
    roles: ['admin', 'manager'],
  },
  {
    path: '/assignment',
    labelKey: 'nav.assignment',
    icon: <ApartmentOutlined />,
    roles: ['admin', 'manager'],
  },
  { path: '/imports', labelKey: 'nav.imports', icon: <UploadOutlined /> },
  { path: '/settings', labelKey: 'nav.settings', icon: <SettingOutlined />, roles: ['admin'] },
];

export function visibleNavigation(role: Role): NavigationItem[] {
  return navigation.filter((item) => !item.roles || item.roles.includes(role));
}

export function selectedNavigation(pathname: string): string[] {
  return navigation
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
    .map((item) => item.path);
}
