/** Every filing of an account, newest first, with its workflow steps, opinions and scanned forms. */
import { Button, Card, Descriptions, Empty, Space, Steps, Tag } from 'antd';
import type { FilingWithHistory } from '../../src/contract/filings.js';
import { t } from '../strings.js';
import { FilingAttachments } from './FilingAttachments.js';

const STATE_COLORS: Record<string, string> = { 待审核: 'gold', 已登记: 'green', 需补正: 'orange' };

interface Props {
  filings: FilingWithHistory[];
  onReview: (id: number) => void;
  onResubmit: (id: number) => void;
  onChanged: () => void;
}

export function FilingHistory({ filings, onReview, onResubmit, onChanged }: Props) {
  if (filings.length === 0) return <Empty description={t.filing.none} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {filings.map((f) => (
        <Card
          key={f.id}
          size="small"
          data-testid={`filing-${f.id}`}
          title={
            <Space>
              <span>{f.type}</span>
              <Tag color={STATE_COLORS[f.state]}>{f.state}</Tag>
            </Space>
          }
          extra={
            <Space>
              {f.state === '待审核' && <Button type="primary" size="small" onClick={() => onReview(f.id)}>{t.filing.reviewTitle}</Button>}
              {f.state === '需补正' && <Button size="small" onClick={() => onResubmit(f.id)}>{t.filing.resubmit}</Button>}
            </Space>
          }
        >
          <Descriptions
            size="small"
            column={3}
            items={[
              { label: t.filing.submittedOn, children: f.submittedOn },
              { label: t.filing.receivedBy, children: f.receivedBy ?? t.common.none },
              { label: t.filing.documentNumber, children: f.documentNumber ?? t.common.none },
              { label: t.filing.reviewer, children: f.reviewer ?? t.common.none },
              { label: t.filing.reviewedOn, children: f.reviewedOn ?? t.common.none },
              { label: t.filing.opinion, children: f.opinion ?? t.common.none },
            ]}
          />
          <Steps
            size="small"
            style={{ margin: '8px 0' }}
            current={f.events.length - 1}
            items={f.events.map((e) => ({
              title: t.filing.events[e.action],
              content: `${e.onDate} · ${e.actor}${e.opinion ? ` · ${e.opinion}` : ''}`,
            }))}
          />
          <FilingAttachments filingId={f.id} attachments={f.attachments} onChanged={onChanged} />
        </Card>
      ))}
    </Space>
  );
}
