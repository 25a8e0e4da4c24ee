import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { PagePanel } from '../shared/components/PagePanel';
import { BatchDetailView } from '../modules/messaging/components/BatchDetailView';
import { BatchesView } from '../modules/messaging/components/BatchesView';
import { MessagesTable } from '../modules/messaging/components/MessagesTable';
import { TemplatesView } from '../modules/messaging/components/TemplatesView';

const tabs = ['batches', 'templates', 'outbox'] as const;

function BatchDetailRoute() {
  const id = Number(useParams().id);
  return <BatchDetailView id={id} />;
}

/** Care and marketing messages: batches (campaigns), templates and the outbox, one tab each. */
export default function MessagingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = tabs.find((tab) => pathname.startsWith(`/messages/${tab}`)) ?? 'batches';
  return (
    <PagePanel title={t('messaging.title')}>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/messages/${key}`)}
        items={tabs.map((tab) => ({ key: tab, label: t(`messaging.tabs.${tab}`) }))}
      />
      <Routes>
        <Route index element={<Navigate to="batches" replace />} />
        <Route path="batches" element={<BatchesView />} />
        <Route path="batches/:id" element={<BatchDetailRoute />} />
        <Route path="templates" element={<TemplatesView />} />
        <Route path="outbox" element={<MessagesTable live />} />
      </Routes>
    </PagePanel>
  );
}
