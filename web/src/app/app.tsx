import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { setUnauthorizedHandler } from './api-client.ts';
import { createQueryClient } from './query-client.ts';
import { createRouter } from './router.tsx';

const theme = {
  token: {
    colorPrimary: '#c8102e',
    // Links in the brand's red, not Ant Design's default blue beside it.
    colorLink: '#c8102e',
    borderRadius: 6,
    fontFamily: "'Be Vietnam Pro', 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  },
};

export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);

  useEffect(() => {
    // A 401 on any call means the session ended: forget the user, the auth guard shows the login page.
    setUnauthorizedHandler(() => {
      queryClient.cancelQueries();
      queryClient.setQueryData(['me'], null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
