/** 上报报表: choose report, scope and period, see it as it will print, export it (and its data package). */
import { Alert, Button, Card, Checkbox, DatePicker, Empty, InputNumber, Modal, Progress, Segmented, Select, Space, Table, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useState } from 'react';
import { chineseDate } from '../../src/domain/dates.js';
import { exportFileName } from '../../src/domain/fileNames.js';
import { msg } from '../../src/i18n/messages.js';
import { REPORT_KINDS, type ReportKind } from '../../src/contract/reports.js';
import { savedDueWithinDays } from '../dueWithinDays.js';
import { DETAIL_LISTINGS, type DetailListing } from '../../src/domain/figures.js';
import dayjs from 'dayjs';
import { OrgTreeSelect } from '../components/OrgTreeSelect.js';
import { PackageExportModal } from '../components/PackageExportModal.js';
import { TemplateModal } from '../components/TemplateModal.js';
import { Can, useOperator } from '../hooks/operator.js';
import { useCall } from '../hooks/useCall.js';
import { useExport } from '../hooks/useExport.js';
import { useDateRange } from '../hooks/useDateRange.js';
import { t } from '../strings.js';

type PreviewSheet = { headers: string[]; groups: (string | null)[]; widths: number[] };

/** The preview's columns with the same two-level header as the printed report (a group over its columns). */
function previewColumns(sheet: PreviewSheet): TableColumnsType<Record<number, unknown>> {
  const out: TableColumnsType<Record<number, unknown>> = [];
  sheet.headers.forEach((h, i) => {
    // Headers wrap as they do on paper; only the body is cut short with an ellipsis.
    const column = { title: <span style={{ whiteSpace: 'normal' }}>{h}</span>, dataIndex: i, key: i, ellipsis: true, width: Math.max(64, (sheet.widths[i] ?? 10) * 9) };
    const group = sheet.groups[i];
    const last = out.at(-1) as { title?: unknown; children?: unknown[] } | undefined;
    if (!group) out.push(column);
    else if (last?.children && last.title === group) last.children.push(column);
    else out.push({ title: group, key: `g${i}`, children: [column] });
  });
  return out;
}

/** A number from the address (the 首页 opens the 催报名单 with its scope and window), or undefined. */
const numberParam = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export function ReportsPage() {
  const [search] = useSearchParams();
  const [kind, setKind] = useState<ReportKind>(() => (REPORT_KINDS as readonly string[]).includes(search.get('kind') ?? '') ? (search.get('kind') as ReportKind) : 'summary');
  const [organizationId, setOrganizationId] = useState<number | undefined>(() => numberParam(search.get('org')));
  const [dueWithinDays, setDueWithinDays] = useState(() => numberParam(search.get('days')) ?? savedDueWithinDays());
  const [templateId, setTemplateId] = useState<number | undefined>();
  const [editingTemplates, setEditingTemplates] = useState(false);
  const dates = useDateRange();
  const [campaignId, setCampaignId] = useState<number | undefined>();
  const [listing, setListing] = useState<DetailListing>('needed');
  const [fullIdNumbers, setFullIdNumbers] = useState(false);
  const { may } = useOperator();
  const [reportDate, setReportDate] = useState<string | undefined>();
  const [consolidatedPeriod, setConsolidatedPeriod] = useState<string | undefined>();
  const consolidates = kind === 'summary' || kind === 'detail';
  const [packaging, setPackaging] = useState(false);
  const params = {
    organizationId,
    from: dates.from,
    to: dates.to,
    campaignId: kind === 'campaign' ? campaignId : undefined,
    listing: kind === 'detail' ? listing : undefined,
    fullIdNumbers: kind === 'detail' && fullIdNumbers && templateId === undefined ? true : undefined,
    templateId: kind === 'detail' ? templateId : undefined,
    dueWithinDays: kind === 'chase' ? dueWithinDays : undefined,
    reportDate,
    consolidatedPeriod: consolidates ? consolidatedPeriod : undefined,
  };
  const preview = useCall('reports.preview', { kind, ...params });
  const campaigns = useCall('campaigns.list', {});
  const submissions = useCall('consolidation.list', {});
  const templates = useCall('reportTemplates.list', {});
  const template = templates.data?.find((x) => x.id === templateId);
  const exporter = useExport();
  const p = preview.data;
  const first = p?.sheets[0];
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.report.title}</h2>
        <Segmented value={kind} onChange={(v) => setKind(v as ReportKind)} options={REPORT_KINDS.map((k) => ({ value: k, label: t.report.kinds[k] }))} data-testid="report-kind" />
      </div>
      <div className="toolbar">
        <span>{t.report.scope}</span>
        <OrgTreeSelect allowClear placeholder={t.report.defaultScope} value={organizationId} onChange={setOrganizationId} />
        <span>{t.report.period}</span>
        <DatePicker.RangePicker {...dates.picker} allowEmpty={[true, true]} />
        {kind === 'campaign' && (
          <Select
            allowClear
            placeholder={t.report.campaign}
            style={{ width: 180 }}
            value={campaignId}
            onChange={setCampaignId}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.title}（${c.status}）` }))}
          />
        )}
        {kind === 'detail' && (
          <>
            <span>{t.reportOptions.listing}</span>
            <Select
              style={{ width: 250 }}
              value={listing}
              onChange={setListing}
              options={DETAIL_LISTINGS.map((l) => ({ value: l, label: t.reportOptions.listings[l] }))}
              data-testid="report-listing"
            />
            <Space size={8}>
              <span>{t.paper.template}</span>
              <Select
                allowClear
                style={{ width: 180 }}
                placeholder={t.paper.templateNone}
                value={templateId}
                onChange={setTemplateId}
                options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                data-testid="report-template"
              />
              <Can call="reportTemplates.save">
                <Button onClick={() => setEditingTemplates(true)} data-testid="manage-templates">{t.paper.manageTemplates}</Button>
              </Can>
            </Space>
            {template ? (
              <span className="muted">{t.paper.templateFullIdsHint(template.fullIdNumbers)}</span>
            ) : (
              may('members.update') && (
                <Checkbox checked={fullIdNumbers} onChange={(e) => setFullIdNumbers(e.target.checked)}>
                  {t.reportOptions.fullIdNumbers}
                </Checkbox>
              )
            )}
          </>
        )}
        {kind === 'chase' && (
          <InputNumber
            min={1}
            max={365}
            precision={0}
            value={dueWithinDays}
            onChange={(v) => v && setDueWithinDays(v)}
            addonBefore={t.paper.dueWithin}
            addonAfter={t.paper.dueWithinAfter}
            style={{ width: 230 }}
            data-testid="report-due-days"
          />
        )}
        {consolidates && (submissions.data?.periods.length ?? 0) > 0 && (
          // Label and choice wrap together when the toolbar is narrow.
          <Space size={8}>
            <span title={t.reportOptions.consolidatedHint}>{t.reportOptions.consolidated}</span>
            <Select
              allowClear
              style={{ width: 170 }}
              placeholder={t.reportOptions.consolidatedNone}
              value={consolidatedPeriod}
              onChange={setConsolidatedPeriod}
              options={submissions.data!.periods.map((period) => ({ value: period, label: period }))}
              data-testid="report-consolidated"
            />
          </Space>
        )}
        <span title={t.reportOptions.reportDateHint}>{t.reportOptions.reportDate}</span>
        <DatePicker
          value={reportDate ? dayjs(reportDate) : null}
          onChange={(d) => setReportDate(d ? d.format('YYYY-MM-DD') : undefined)}
          placeholder={t.reportOptions.reportDateHint}
          data-testid="report-date"
        />
        <Space style={{ marginLeft: 'auto' }}>
          <Button type="primary" disabled={!p} onClick={() => p && first && void exporter.run({ type: 'report', kind, ...params }, exportFileName(first.title, p.unit, p.reportDate, '.xlsx'))}>
            {t.report.export}
          </Button>
          {kind !== 'handover' && <Button disabled={!p} onClick={() => setPackaging(true)}>{t.report.exportPackage}</Button>}
          <Button onClick={() => void exporter.run({ type: 'form', form: 'filing' }, exportFileName(msg.paper.forms.fileTitle.filing, p?.unit ?? '', p?.reportDate ?? '', '.xlsx'))} data-testid="blank-filing-form">
            {t.paper.blankFiling}
          </Button>
          <Button onClick={() => void exporter.run({ type: 'form', form: 'zero' }, exportFileName(msg.paper.forms.fileTitle.zero, p?.unit ?? '', p?.reportDate ?? '', '.xlsx'))} data-testid="blank-zero-form">
            {t.paper.blankZero}
          </Button>
        </Space>
      </div>
      {preview.error && <Alert type="error" showIcon title={preview.error} />}
      {p && (
        <Card size="small" title={t.report.preview} extra={<span className="muted">{t.reportOptions.asOf} {t.report.signatureHint}</span>}>
          {p.sheets.map((sheet) => (
            <div key={sheet.name} className="report-preview" data-testid="report-preview">
              <div className="report-title">{sheet.title}</div>
              <div className="report-subtitle">{sheet.subtitle}</div>
              <div className="report-unit">
                {t.report.unitLine(p.unit, chineseDate(p.reportDate)).map((s) => <span key={s}>{s}</span>)}
              </div>
              <Table
                size="small"
                bordered
                pagination={false}
                rowKey={(_, i) => String(i)}
                columns={previewColumns(sheet)}
                dataSource={sheet.rows.map((r) => Object.fromEntries(r.map((v, i) => [i, v ?? ''])))}
                scroll={{ x: sheet.widths.reduce((a, w) => a + w * 9, 0) }}
                locale={{ emptyText: <Empty description={t.report.empty} /> }}
              />
              <div className="muted" data-testid="report-total">{t.report.previewNote(sheet.rows.length, sheet.total)}</div>
              <div className="report-signature">{sheet.signature ?? t.report.signature(p.signature)}</div>
            </div>
          ))}
        </Card>
      )}
      <PackageExportModal
        open={packaging}
        onCancel={() => setPackaging(false)}
        onExport={(choice) => {
          setPackaging(false);
          // The package's own choice of whole ID numbers, never the 明细表's or its template's.
          if (p) void exporter.run({ type: 'package', ...params, templateId: undefined, ...choice }, exportFileName(msg.pkg.fileTitle(choice.period), p.unit, p.reportDate, '.json'));
        }}
      />
      <TemplateModal
        open={editingTemplates}
        templates={templates.data ?? []}
        current={templateId}
        onClose={() => setEditingTemplates(false)}
        onSaved={(id) => {
          templates.reload();
          setTemplateId(id);
          // The same template edited keeps the same id: the preview is asked again for its new columns.
          preview.reload();
        }}
      />
      <Modal open={exporter.job !== null} title={t.report.progressTitle} closable={false} maskClosable={false} footer={<Button onClick={exporter.cancel}>{t.report.cancel}</Button>}>
        {exporter.job && (
          <>
            <Progress percent={exporter.job.total ? Math.floor((exporter.job.done / exporter.job.total) * 100) : 0} status="active" />
            <div className="muted">{t.report.progress(exporter.job.done, exporter.job.total)}</div>
          </>
        )}
      </Modal>
    </div>
  );
}
