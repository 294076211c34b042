import dayjs from 'dayjs';
import { t } from '../strings.js';

/** Small helpers every dated form uses. */
export const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');
export const required = { required: true, message: t.common.required };
export const iso = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
