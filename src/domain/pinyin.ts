import { pinyin } from 'pinyin-pro';

/** Search keys for a name: initials ('zs' for 张三) and full pinyin ('zhangsan'), surnames read as surnames (单 → shan). */
export function nameSearchKeys(name: string): { initials: string; full: string } {
  let keys = known.get(name);
  if (!keys) {
    if (known.size >= KNOWN) known.clear();
    known.set(name, (keys = searchKeys(name)));
  }
  return keys;
}

/**
 * Names already read, as pinyin-pro's segmentation is the dearest check of an imported row (about 25 µs a name)
 * and names repeat (张伟, 王芳…). Bounded; emptied when full, so a long-running console never grows past it.
 */
const KNOWN = 50_000;
const known = new Map<string, { initials: string; full: string }>();

function searchKeys(name: string): { initials: string; full: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((s) => s.length > 0);
  return { initials: syllables.map((s) => s[0]).join(''), full: syllables.join('') };
}
