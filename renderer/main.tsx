import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { initTransport } from './api.js';
import { App } from './App.js';
import { OrganizationsProvider } from './hooks/organizations.js';
import { OperatorGate } from './hooks/operator.js';
import './styles.css';

dayjs.locale('zh-cn');
initTransport();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{
        token: {
          colorPrimary: '#b71c1c',
          fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
        },
      }}
    >
      <AntApp>
        {/* Route and address changes render at once, not as a transition: a pending one kept the page being left on
            screen and working, so on a slow PC a search typed right after a menu click went into that page and was
            lost, and a filter ticked right after a search on 网络账号 was built from the address without it. No page
            suspends, so a transition bought nothing. */}
        <HashRouter useTransitions={false}>
          <OperatorGate>
            <OrganizationsProvider>
              <App />
            </OrganizationsProvider>
          </OperatorGate>
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
