import { pinyin } from 'pinyin-pro';

/** Search keys for a name: initials ('zs' for 张三) and full pinyin ('zhangsan'), surnames read as surnames (单 → shan). */
export function nameSearchKeys(name: string): { initials: string; full: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((s) => s.length > 0);
  return { initials: syllables.map((s) => s[0]).join(''), full: syllables.join('') };
}
