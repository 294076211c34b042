/** Small pieces every register page repeats: the add button at the right of the toolbar, the detail drawer. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Drawer } from 'antd';
import type { ReactNode } from 'react';
import type { CallName } from '../../src/contract/contract.js';
import { Can } from '../hooks/operator.js';

/** Shown only to an operator whose role may make `needs`, the call the button leads to. */
export function AddButton({ label, needs, onClick }: { label: string; needs: CallName; onClick: () => void }) {
  return (
    <Can call={needs}>
      <Button type="primary" icon={<PlusOutlined />} onClick={onClick} style={{ marginLeft: 'auto' }}>
        {label}
      </Button>
    </Can>
  );
}

export function DetailDrawer({ open, title, onClose, actions, children }: { open: boolean; title: string; onClose: () => void; actions?: ReactNode; children: ReactNode }) {
  return (
    <Drawer open={open} title={title} size={560} onClose={onClose} extra={actions}>
      {children}
    </Drawer>
  );
}
