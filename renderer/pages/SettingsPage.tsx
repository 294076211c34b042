/** 报备规则: the unit's own detailed rules (Article 13). Saving re-derives every account. */
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import type { LedgerSettings } from '../../src/contract/settings.js';
import { call } from '../api.js';
import { useLedgerSettings } from '../hooks/settings.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { Can } from '../hooks/operator.js';
import { t } from '../strings.js';

export function SettingsPage() {
  const settings = useLedgerSettings();
  const [form] = Form.useForm<LedgerSettings>();
  useEffect(() => {
    if (settings) form.setFieldsValue(settings);
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
      }),
    t.settings.saved,
    (saved) => form.setFieldsValue(saved),
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
            <Form.Item name={['formWording', 'basis']} label={t.paper.formBasis} labelCol={{ span: 24 }}>
              <Input maxLength={200} />
            </Form.Item>
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
    </div>
  );
}
