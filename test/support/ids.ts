import { checkCharFor } from '../../src/domain/idNumber.js';

/** An invented but valid 身份证号: region 320508 (a made-up district code is fine for the checksum). */
export function validId(birth: string, seq: number, region = '320508'): string {
  const first17 = region + birth.replace(/-/g, '') + String(seq).padStart(3, '0');
  return first17 + checkCharFor(first17);
}
