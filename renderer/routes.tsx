/**
 * The one route table: every page with its address, and — for the pages in the side menu — its icon and label, in
 * menu order. The router and the menu both read it, so a new page is one entry here.
 */
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  HistoryOutlined,
  ImportOutlined,
  KeyOutlined,
  MessageOutlined,
  SafetyOutlined,
  SaveOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import { AccountDetailPage } from './pages/AccountDetailPage.js';
import { AccountsPage } from './pages/AccountsPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { BackupPage } from './pages/BackupPage.js';
import { CampaignPage } from './pages/CampaignPage.js';
import { CampaignsPage } from './pages/CampaignsPage.js';
import { CommendationsPage } from './pages/CommendationsPage.js';
import { ConsolidationPage } from './pages/ConsolidationPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { MemberProfilePage } from './pages/MemberProfilePage.js';
import { MembersPage } from './pages/MembersPage.js';
import { OrganizationsPage } from './pages/OrganizationsPage.js';
import { ProtectionPage } from './pages/ProtectionPage.js';
import { ReportsPage } from './pages/ReportsPage.js';
import { RequestsPage } from './pages/RequestsPage.js';
import { FilingReviewPage } from './pages/FilingReviewPage.js';
import { ImportPage } from './pages/ImportPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { OperatorsPage } from './pages/OperatorsPage.js';
import type { CallName } from '../src/contract/contract.js';
import { t } from './strings.js';

export interface PageRoute {
  path: string;
  element: ReactNode;
  /** Shown in the side menu when set; the menu highlights it for this path and everything below it. */
  menu?: { icon: ReactNode; label: string };
  /** The call the page cannot work without: the menu hides the page from an operator whose role may not make it. */
  needs?: CallName;
}

export const ROUTES: PageRoute[] = [
  { path: '/dashboard', element: <DashboardPage />, menu: { icon: <DashboardOutlined />, label: t.nav.dashboard } },
  { path: '/accounts', element: <AccountsPage />, menu: { icon: <WechatOutlined />, label: t.nav.accounts } },
  { path: '/accounts/:id', element: <AccountDetailPage /> },
  { path: '/filing-review', element: <FilingReviewPage />, menu: { icon: <AuditOutlined />, label: t.nav.filingReview } },
  { path: '/requests', element: <RequestsPage />, menu: { icon: <MessageOutlined />, label: t.nav.requests } },
  { path: '/commendations', element: <CommendationsPage />, menu: { icon: <TrophyOutlined />, label: t.nav.commendations } },
  { path: '/protection', element: <ProtectionPage />, menu: { icon: <SafetyOutlined />, label: t.nav.protection } },
  { path: '/campaigns', element: <CampaignsPage />, menu: { icon: <CarryOutOutlined />, label: t.nav.campaigns } },
  { path: '/campaigns/:id', element: <CampaignPage /> },
  { path: '/reports', element: <ReportsPage />, menu: { icon: <FileExcelOutlined />, label: t.nav.reports } },
  { path: '/consolidation', element: <ConsolidationPage />, menu: { icon: <ClusterOutlined />, label: t.nav.consolidation } },
  { path: '/members', element: <MembersPage />, menu: { icon: <TeamOutlined />, label: t.nav.members } },
  { path: '/members/:id', element: <MemberProfilePage /> },
  { path: '/organizations', element: <OrganizationsPage />, menu: { icon: <ApartmentOutlined />, label: t.nav.organizations } },
  { path: '/import', element: <ImportPage />, menu: { icon: <ImportOutlined />, label: t.nav.imports } },
  { path: '/settings', element: <SettingsPage />, menu: { icon: <SettingOutlined />, label: t.nav.settings } },
  { path: '/backup', element: <BackupPage />, menu: { icon: <SaveOutlined />, label: t.nav.backup } },
  { path: '/audit', element: <AuditPage />, menu: { icon: <HistoryOutlined />, label: t.nav.audit } },
  { path: '/operators', element: <OperatorsPage />, menu: { icon: <KeyOutlined />, label: t.nav.operators }, needs: 'operators.list' },
];

export const HOME = '/dashboard';

/** The side menu's entries, in table order, for an operator who may make `may` calls. */
export const menuFor = (may: (name: CallName) => boolean) => ROUTES.flatMap((r) => (r.menu && (!r.needs || may(r.needs)) ? [{ key: r.path, ...r.menu }] : []));
