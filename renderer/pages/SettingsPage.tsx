/**
 * 报备规则: the unit's own detailed rules (Article 13), kept as dated versions. Saving a change of the rules makes a
 * new version in force from the chosen day and re-derives every account; the versions are listed below the form.
 */
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { LedgerSettings, RuleVersionEntry } from '../../src/contract/settings.js';
import { notFuture } from '../components/formRules.js';
import { call } from '../api.js';
import { useLedgerSettings } from '../hooks/settings.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { Can } from '../hooks/operator.js';
import { t } from '../strings.js';

export function SettingsPage() {
  const settings = useLedgerSettings();
  const [form] = Form.useForm<Values>();
  const [history, setHistory] = useState<RuleVersionEntry[]>([]);
  const show = (s: LedgerSettings) => {
    form.setFieldsValue({ ...s, effectiveFrom: dayjs() });
    setHistory(s.ruleHistory);
  };
  useEffect(() => {
    if (settings) show(settings);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- show only sets the form and the list
  }, [settings, form]);
  const { busy, submit } = useFormSubmit(
    form,
    (v) =>
      call('settings.update', {
        platforms: v.platforms,
        publicAccountFollowerThreshold: v.publicAccountFollowerThreshold ?? null,
        groupMemberThreshold: v.groupMemberThreshold ?? null,
        deadlineDays: v.deadlineDays,
        lockMinutes: v.lockMinutes,
        signature: v.signature,
        formWording: v.formWording,
        basisName: v.basisName ?? null,
        basisNumber: v.basisNumber ?? null,
        effectiveFrom: v.effectiveFrom ? v.effectiveFrom.format('YYYY-MM-DD') : undefined,
      }),
    t.settings.saved,
    show,
  );
  return (
    <div className="page">
      <h2 className="page-title">{t.settings.title}</h2>
      <Alert type="info" showIcon title={t.settings.basis} description={t.settings.fixed} />
      <Card size="small">
        <Form form={form} labelCol={{ span: 7 }} wrapperCol={{ span: 14 }} onFinish={submit} style={{ maxWidth: 900 }}>
          <Form.Item name="platforms" label={t.settings.platforms} extra={t.settings.platformsHelp} rules={[{ required: true, message: t.common.required }]}>
            <Select mode="tags" tokenSeparators={[',', '，']} />
          </Form.Item>
          <Form.Item name="publicAccountFollowerThreshold" label={t.settings.followerThreshold} extra={t.settings.followerHelp}>
            <InputNumber min={1} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="groupMemberThreshold" label={t.settings.groupThreshold} extra={t.settings.groupHelp}>
            <InputNumber min={1} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="deadlineDays" label={t.settings.deadline} rules={[{ required: true, message: t.common.required }]}>
            <InputNumber min={1} max={365} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="basisName" label={t.settings.basisName} extra={t.settings.basisNameHelp}>
            <Input maxLength={60} style={{ width: 420 }} />
          </Form.Item>
          <Form.Item name="basisNumber" label={t.settings.basisNumber}>
            <Input maxLength={40} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t.settings.effectiveFrom} extra={t.settings.effectiveHelp}>
            <DatePicker style={{ width: 200 }} disabledDate={notFuture} allowClear={false} />
          </Form.Item>
          <Form.Item name="lockMinutes" label={t.settings.lockMinutes} extra={t.settings.lockHelp} rules={[{ required: true, message: t.common.required }]}>
            <InputNumber min={1} max={240} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t.settings.signature} extra={t.settings.signatureHelp}>
            <Space wrap>
              <Form.Item name={['signature', 'leader']} noStyle>
                <Input addonBefore={t.settings.leader} maxLength={20} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name={['signature', 'reviewer']} noStyle>
                <Input addonBefore={t.settings.reviewer} maxLength={20} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name={['signature', 'preparer']} noStyle>
                <Input addonBefore={t.settings.preparer} maxLength={20} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name={['signature', 'phone']} noStyle>
                <Input addonBefore={t.settings.phone} maxLength={30} style={{ width: 240 }} />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item label={t.paper.wording} extra={t.paper.wordingHelp}>
            {(['pledge', 'zeroStatement', 'note'] as const).map((key) => (
              <Form.Item key={key} name={['formWording', key]} label={t.paper[key === 'pledge' ? 'formPledge' : key === 'note' ? 'formNote' : 'formZeroStatement']} labelCol={{ span: 24 }}>
                <Input.TextArea rows={2} maxLength={key === 'note' ? 300 : 500} />
              </Form.Item>
            ))}
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 7 }}>
            <Can call="settings.update"><Button type="primary" htmlType="submit" loading={busy}>{t.common.save}</Button></Can>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t.settings.history}>
        <Table<RuleVersionEntry>
          size="small"
          pagination={false}
          rowKey={(v) => `${v.effectiveFrom}-${v.savedAt}`}
          dataSource={history}
          columns={[
            { title: t.settings.historyEffective, width: 120, render: (_, v) => (v.effectiveFrom === '0000-01-01' ? t.settings.always : v.effectiveFrom) },
            { title: t.settings.historyRules, render: (_, v) => t.settings.rulesOf(v) },
            { title: t.settings.historyBasis, render: (_, v) => (v.basisName ? `《${v.basisName}》${v.basisNumber ? `（${v.basisNumber}）` : ''}` : '—') },
            { title: t.settings.historySaved, width: 200, render: (_, v) => (v.savedBy ? `${v.savedAt.slice(0, 10)} ${v.savedBy}` : '—') },
          ]}
        />
      </Card>
    </div>
  );
}

/** The form holds the settings, with the effective day of a new version as a picker value. */
type Values = Omit<LedgerSettings, 'effectiveFrom'> & { effectiveFrom?: dayjs.Dayjs };
