import { ApartmentOutlined, HistoryOutlined, TeamOutlined } from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { SystemInfo } from '../src/api/types.js';
import { call } from './api.js';
import { AuditPage } from './pages/AuditPage.js';
import { MemberProfilePage } from './pages/MemberProfilePage.js';
import { MembersPage } from './pages/MembersPage.js';
import { OrganizationsPage } from './pages/OrganizationsPage.js';
import { t } from './strings.js';

/** Only what is built appears here; later features add their entries when they exist. */
const NAV = [
  { key: '/organizations', icon: <ApartmentOutlined />, label: t.nav.organizations },
  { key: '/members', icon: <TeamOutlined />, label: t.nav.members },
  { key: '/audit', icon: <HistoryOutlined />, label: t.nav.audit },
];

export function App() {
  const location = useLocation();
  const navigate = useNavigate();
  const [info, setInfo] = useState<SystemInfo | null>(null);
  useEffect(() => {
    call('system.info', {}).then(setInfo, () => setInfo(null));
  }, []);
  const selected = NAV.find((n) => location.pathname.startsWith(n.key))?.key ?? '/members';
  return (
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
      <Layout.Header className="app-header">
        <span className="app-brand">{t.app.title}</span>
        <span className="app-header-meta" title={info ? `${t.app.dataDir}：${info.dataDir}` : undefined}>
          {t.app.offline}
          {info ? ` · ${info.actor}` : ''}
        </span>
      </Layout.Header>
      <Layout style={{ flex: 1, minHeight: 0 }}>
        <Layout.Sider width={180} theme="light">
          <Menu mode="inline" selectedKeys={[selected]} items={NAV} onClick={(e) => navigate(e.key)} style={{ height: '100%' }} />
        </Layout.Sider>
        <Layout.Content style={{ minHeight: 0, height: '100%', overflow: 'auto' }}>
          <Routes>
            <Route path="/organizations" element={<OrganizationsPage />} />
            <Route path="/members" element={<MembersPage />} />
            <Route path="/members/:id" element={<MemberProfilePage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="*" element={<Navigate to="/members" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
