import type { Dayjs } from 'dayjs';
import { useState } from 'react';

type Range = [Dayjs | null, Dayjs | null] | null;

/** A period chosen with a RangePicker, as the YYYY-MM-DD bounds the contract takes (either may be open). */
export function useDateRange() {
  const [range, setRange] = useState<Range>(null);
  return {
    picker: { value: range, onChange: (v: unknown) => setRange(v as Range) },
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
}
