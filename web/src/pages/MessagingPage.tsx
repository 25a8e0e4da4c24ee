import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { PagePanel } from '../shared/components/PagePanel';
import { useActor } from '../modules/auth/hooks/useSession';
import { BatchDetailView } from '../modules/messaging/components/BatchDetailView';
import { BatchesView } from '../modules/messaging/components/BatchesView';
import { ChannelsView } from '../modules/messaging/components/ChannelsView';
import { MessagesTable } from '../modules/messaging/components/MessagesTable';
import { TemplatesView } from '../modules/messaging/components/TemplatesView';

const tabs = ['batches', 'templates', 'outbox', 'channels'] as const;

function BatchDetailRoute() {
  const id = Number(useParams().id);
  return <BatchDetailView id={id} />;
}

/** Care and marketing messages: batches (campaigns), templates, the outbox and (admins) channels, a tab each. */
export default function MessagingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isAdmin = useActor().role === 'admin';
  const shown = tabs.filter((tab) => tab !== 'channels' || isAdmin);
  const active = shown.find((tab) => pathname.startsWith(`/messages/${tab}`)) ?? 'batches';
  return (
    <PagePanel title={t('messaging.title')}>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/messages/${key}`)}
        items={shown.map((tab) => ({ key: tab, label: t(`messaging.tabs.${tab}`) }))}
      />
      <Routes>
        <Route index element={<Navigate to="batches" replace />} />
        <Route path="batches" element={<BatchesView />} />
        <Route path="batches/:id" element={<BatchDetailRoute />} />
        <Route path="templates" element={<TemplatesView />} />
        <Route path="outbox" element={<MessagesTable live />} />
        {isAdmin && <Route path="channels" element={<ChannelsView />} />}
      </Routes>
    </PagePanel>
  );
}
