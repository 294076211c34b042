import {
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  HistoryOutlined,
  MessageOutlined,
  SafetyOutlined,
  SaveOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { SystemInfo } from '../src/contract/types.js';
import { call } from './api.js';
import { AccountDetailPage } from './pages/AccountDetailPage.js';
import { AccountsPage } from './pages/AccountsPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { BackupPage } from './pages/BackupPage.js';
import { CampaignPage } from './pages/CampaignPage.js';
import { CampaignsPage } from './pages/CampaignsPage.js';
import { CommendationsPage } from './pages/CommendationsPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { MemberProfilePage } from './pages/MemberProfilePage.js';
import { MembersPage } from './pages/MembersPage.js';
import { OrganizationsPage } from './pages/OrganizationsPage.js';
import { ProtectionPage } from './pages/ProtectionPage.js';
import { ReportsPage } from './pages/ReportsPage.js';
import { RequestsPage } from './pages/RequestsPage.js';
import { FilingReviewPage } from './pages/FilingReviewPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { t } from './strings.js';

/** Only what is built appears here; later features add their entries when they exist. */
const NAV = [
  { key: '/dashboard', icon: <DashboardOutlined />, label: t.nav.dashboard },
  { key: '/accounts', icon: <WechatOutlined />, label: t.nav.accounts },
  { key: '/filing-review', icon: <AuditOutlined />, label: t.nav.filingReview },
  { key: '/requests', icon: <MessageOutlined />, label: t.nav.requests },
  { key: '/commendations', icon: <TrophyOutlined />, label: t.nav.commendations },
  { key: '/protection', icon: <SafetyOutlined />, label: t.nav.protection },
  { key: '/campaigns', icon: <CarryOutOutlined />, label: t.nav.campaigns },
  { key: '/reports', icon: <FileExcelOutlined />, label: t.nav.reports },
  { key: '/members', icon: <TeamOutlined />, label: t.nav.members },
  { key: '/organizations', icon: <ApartmentOutlined />, label: t.nav.organizations },
  { key: '/settings', icon: <SettingOutlined />, label: t.nav.settings },
  { key: '/backup', icon: <SaveOutlined />, label: t.nav.backup },
  { key: '/audit', icon: <HistoryOutlined />, label: t.nav.audit },
];

export function App() {
  const location = useLocation();
  const navigate = useNavigate();
  const [info, setInfo] = useState<SystemInfo | null>(null);
  useEffect(() => {
    call('system.info', {}).then(setInfo, () => setInfo(null));
  }, []);
  const selected = NAV.find((n) => location.pathname.startsWith(n.key))?.key ?? '/dashboard';
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
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/accounts" element={<AccountsPage />} />
            <Route path="/accounts/:id" element={<AccountDetailPage />} />
            <Route path="/filing-review" element={<FilingReviewPage />} />
            <Route path="/requests" element={<RequestsPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/commendations" element={<CommendationsPage />} />
            <Route path="/protection" element={<ProtectionPage />} />
            <Route path="/campaigns" element={<CampaignsPage />} />
            <Route path="/campaigns/:id" element={<CampaignPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/backup" element={<BackupPage />} />
            <Route path="/organizations" element={<OrganizationsPage />} />
            <Route path="/members" element={<MembersPage />} />
            <Route path="/members/:id" element={<MemberProfilePage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="*" element={<Navigate to="/dashboard" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
