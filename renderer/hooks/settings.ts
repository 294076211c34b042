import { useEffect, useState } from 'react';
import type { LedgerSettings } from '../../src/contract/settings.js';
import { call } from '../api.js';

/** The unit's rules (platform list, thresholds); loaded where a form needs them. */
export function useLedgerSettings(): LedgerSettings | null {
  const [settings, setSettings] = useState<LedgerSettings | null>(null);
  useEffect(() => {
    call('settings.get', {}).then(setSettings, () => setSettings(null));
  }, []);
  return settings;
}
