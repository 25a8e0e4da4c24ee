import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireSession } from './RequireSession';

const LoginPage = lazy(() => import('../pages/LoginPage'));
const CustomerListPage = lazy(() => import('../pages/CustomerListPage'));
const CustomerDetailPage = lazy(() => import('../pages/CustomerDetailPage'));
const CustomerCreatePage = lazy(() => import('../pages/CustomerCreatePage'));
const CustomerEditPage = lazy(() => import('../pages/CustomerEditPage'));
const DuplicatesPage = lazy(() => import('../pages/DuplicatesPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
const DashboardPage = lazy(() => import('../pages/DashboardPage'));
const AlertsPage = lazy(() => import('../pages/AlertsPage'));
const RunsPage = lazy(() => import('../pages/RunsPage'));
const RunDetailPage = lazy(() => import('../pages/RunDetailPage'));
const ModelsPage = lazy(() => import('../pages/ModelsPage'));
const ModelEditorPage = lazy(() => import('../pages/ModelEditorPage'));
const FunnelPage = lazy(() => import('../pages/FunnelPage'));
const ReceivablesPage = lazy(() => import('../pages/ReceivablesPage'));
const ActivitiesPage = lazy(() => import('../pages/ActivitiesPage'));
const SalesPage = lazy(() => import('../pages/SalesPage'));
const WorklistPage = lazy(() => import('../pages/WorklistPage'));
const PoolPage = lazy(() => import('../pages/PoolPage'));
const MessagingPage = lazy(() => import('../pages/MessagingPage'));
const PoliciesPage = lazy(() => import('../pages/PoliciesPage'));
const CompliancePage = lazy(() => import('../pages/CompliancePage'));
const AssignmentPage = lazy(() => import('../pages/AssignmentPage'));
const ImportPage = lazy(() => import('../pages/ImportPage'));
const SettingsPage = lazy(() => import('../pages/SettingsPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/customers" replace /> },
      { path: 'customers', element: <CustomerListPage /> },
      { path: 'customers/new', element: <CustomerCreatePage /> },
      { path: 'customers/duplicates', element: <DuplicatesPage /> },
      { path: 'customers/:id', element: <CustomerDetailPage /> },
      { path: 'customers/:id/edit', element: <CustomerEditPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'funnel', element: <FunnelPage /> },
      { path: 'receivables', element: <ReceivablesPage /> },
      { path: 'activities', element: <ActivitiesPage /> },
      { path: 'sales', element: <SalesPage /> },
      { path: 'worklist', element: <WorklistPage /> },
      { path: 'pool', element: <PoolPage /> },
      { path: 'messages/*', element: <MessagingPage /> },
      { path: 'grading/runs', element: <RunsPage /> },
      { path: 'grading/runs/:id', element: <RunDetailPage /> },
      { path: 'grading/models', element: <ModelsPage /> },
      { path: 'grading/models/:id', element: <ModelEditorPage /> },
      { path: 'policies', element: <PoliciesPage /> },
      { path: 'compliance', element: <CompliancePage /> },
      { path: 'assignment', element: <AssignmentPage /> },
      { path: 'imports', element: <ImportPage /> },
      { path: 'settings/*', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
