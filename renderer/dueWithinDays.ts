/**
 * The "due within N days" window (即将到期): the person's own choice, kept on this computer between visits, so the
 * 首页's card and the 催报名单 opened from the menu use the same N.
 */
import { DEFAULT_DUE_WITHIN_DAYS } from '../src/domain/figures.js';

const KEY = 'netledger.dueWithinDays';

export const savedDueWithinDays = (): number => Number(localStorage.getItem(KEY)) || DEFAULT_DUE_WITHIN_DAYS;

export const saveDueWithinDays = (days: number): void => localStorage.setItem(KEY, String(days));
