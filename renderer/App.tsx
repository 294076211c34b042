import { Button, Layout, Menu } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { SystemInfo } from '../src/contract/system.js';
import { call } from './api.js';
import { useOperator } from './hooks/operator.js';
import { HOME, menuFor, ROUTES } from './routes.js';
import { t } from './strings.js';

export function App() {
  const location = useLocation();
  const navigate = useNavigate();
  const [info, setInfo] = useState<SystemInfo | null>(null);
  const { operator, may, signOut } = useOperator();
  const menu = menuFor(may);
  useEffect(() => {
    call('system.info', {}).then(setInfo, () => setInfo(null));
  }, []);
  const selected = menu.find((n) => location.pathname.startsWith(n.key))?.key ?? HOME;
  return (
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
      <Layout.Header className="app-header">
        <span className="app-brand">{t.app.title}</span>
        <span className="app-header-meta" title={info ? `${t.app.dataDir}：${info.dataDir}` : undefined}>
          {t.app.offline} · <span className="app-operator">{operator.name}{t.auth.roleSuffix(operator.role)}</span>
          <Button type="link" size="small" onClick={signOut}>
            {t.auth.signOut}
          </Button>
        </span>
      </Layout.Header>
      <Layout style={{ flex: 1, minHeight: 0 }}>
        <Layout.Sider width={180} theme="light">
          <Menu mode="inline" selectedKeys={[selected]} items={menu} onClick={(e) => navigate(e.key)} style={{ height: '100%' }} />
        </Layout.Sider>
        <Layout.Content style={{ minHeight: 0, height: '100%', overflow: 'auto' }}>
          <Routes>
            {ROUTES.filter((r) => !r.needs || may(r.needs)).map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="*" element={<Navigate to={HOME} replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
