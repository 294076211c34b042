/** Small pieces every register page repeats: the add button at the right of the toolbar, the detail drawer. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Drawer } from 'antd';
import type { ReactNode } from 'react';

export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} style={{ marginLeft: 'auto' }}>
      {label}
    </Button>
  );
}

export function DetailDrawer({ open, title, onClose, actions, children }: { open: boolean; title: string; onClose: () => void; actions?: ReactNode; children: ReactNode }) {
  return (
    <Drawer open={open} title={title} size={560} onClose={onClose} extra={actions}>
      {children}
    </Drawer>
  );
}
