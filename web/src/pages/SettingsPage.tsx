import { Result, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { PagePanel } from '../shared/components/PagePanel';
import { useActor } from '../modules/auth/hooks/useSession';
import { AuditLogView } from '../modules/audit/components/AuditLogView';
import { BackupView } from '../modules/backup/components/BackupView';
import { DictionariesView } from '../modules/dictionaries/components/DictionariesView';
import { StagesView } from '../modules/opportunities/components/StagesView';
import { TeamsView } from '../modules/users/components/TeamsView';
import { UsersView } from '../modules/users/components/UsersView';
import { WorklistSettingsForm } from '../modules/worklist/components/WorklistSettingsForm';
import { WebhooksView } from '../modules/webhooks/components/WebhooksView';

const tabs = {
  users: <UsersView />,
  teams: <TeamsView />,
  dictionaries: <DictionariesView />,
  stages: <StagesView />,
  worklist: <WorklistSettingsForm />,
  webhooks: <WebhooksView />,
  audit: <AuditLogView />,
  backup: <BackupView />,
} as const;
type SettingsTab = keyof typeof tabs;
const tabKeys = Object.keys(tabs) as SettingsTab[];

/** Administration, a tab each: users, teams, code lists, sales stages, worklist and pool rules, webhooks, the audit log and backups (the menu shows it to admins). */
export default function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = tabKeys.find((tab) => pathname.startsWith(`/settings/${tab}`)) ?? 'users';
  if (useActor().role !== 'admin') return <Result status="403" title={t('settings.adminOnly')} />;
  return (
    <PagePanel title={t('settings.title')}>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/settings/${key}`)}
        items={tabKeys.map((tab) => ({ key: tab, label: t(`settings.tabs.${tab}`) }))}
      />
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        {tabKeys.map((tab) => (
          <Route key={tab} path={tab} element={tabs[tab]} />
        ))}
      </Routes>
    </PagePanel>
  );
}
