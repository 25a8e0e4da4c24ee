import { lazy, Suspense, useState } from 'react';
import { Avatar, Button, Dropdown, Flex, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { enumKey, roleColours } from '../shared/enums';
import { useActor, useLogout } from '../modules/auth/hooks/useSession';
import { LanguageSwitch } from './LanguageSwitch';
import { AlertBell } from '../modules/alerts/components/AlertBell';
import { CustomerQuickSearch } from '../modules/customers/components/CustomerQuickSearch';
import { selectedNavigation, visibleNavigation } from './navigation';

// Loaded when asked for: its form would otherwise weigh on every page's first load.
const PasswordModal = lazy(() =>
  import('../modules/auth/components/PasswordModal').then((module) => ({ default: module.PasswordModal })),
);

export function AppLayout() {
  const { t } = useTranslation();
  const actor = useActor();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
        <Flex align="center" justify="center" style={{ height: 56 }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            {collapsed ? 'S' : t('app.name')}
          </Typography.Title>
        </Flex>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selectedNavigation(location.pathname)}
          items={visibleNavigation(actor.role).map((item) => ({
            key: item.path,
            icon: item.icon,
            label: t(item.labelKey),
          }))}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end' }}
        >
          <Space size={16} align="center">
            <CustomerQuickSearch />
            <LanguageSwitch />
            <AlertBell />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: 'password', icon: <KeyOutlined />, label: t('password.title') }],
                onClick: () => setChangingPassword(true),
              }}
            >
              <Button type="text" aria-label={t('header.account')} style={{ height: 'auto' }}>
                <Space size={8}>
                  <Avatar size="small" icon={<UserOutlined />} />
                  <Typography.Text data-testid="current-user">{actor.name}</Typography.Text>
                  <Tag color={roleColours[actor.role]}>{t(enumKey('role', actor.role))}</Tag>
                </Space>
              </Button>
            </Dropdown>
            <Button
              type="text"
              icon={<LogoutOutlined />}
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
            >
              {t('header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        {changingPassword && (
          <Suspense fallback={null}>
            <PasswordModal onClose={() => setChangingPassword(false)} />
          </Suspense>
        )}
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 120 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
