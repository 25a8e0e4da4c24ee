import { Suspense, useEffect } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, setUnauthenticatedHandler } from '../shared/api/client';
import { asLanguage } from '../i18n';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A missing record or a lost session will not fix itself by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const antdLocales = { 'zh-CN': zhCN, 'en-US': enUS } as const;

export function App() {
  const { i18n } = useTranslation();
  useEffect(
    () =>
      setUnauthenticatedHandler(() => {
        if (window.location.pathname === '/login') return;
        queryClient.clear();
        void router.navigate('/login', {
          state: { from: window.location.pathname + window.location.search },
        });
      }),
    [],
  );

  return (
    <ConfigProvider
      locale={antdLocales[asLanguage(i18n.language)]}
      theme={{ token: { colorPrimary: '#1677ff' } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<Spin size="large" fullscreen />}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
